package org.wcs.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may use the sandbox: the host names it answers to, and the page origins whose scripts may read its answers.
 *
 * <p>Host names: loopback ones, plus those added with {@link #allowHost}. Any other {@code Host} is refused, so a
 * web page whose name is re-pointed at 127.0.0.1 (DNS rebinding) cannot drive the sandbox as if it were on its own
 * site. Origins: the sandbox's own (an allowed host on the sandbox's port, or on the port the browser used when host
 * rules remap it) may read everything; an origin added with {@link #allowOrigin} (a site built against the
 * emulators) may read the emulated back ends, never the control API under {@link SandboxApi#PREFIX}.
 *
 * <p>Thread-safe: hosts and origins can be added while the sandbox serves.
 */
final class Access {
    /** The request attribute under which {@link HostGuard} hands this policy to {@link Exchange}. */
    static final String ATTRIBUTE = Access.class.getName();
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "[::1]");

    private final IntSupplier port;
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();
    private final Set<String> origins = ConcurrentHashMap.newKeySet();

    /** {@code port}: the sandbox's port, read on each check (it is known only once the server has started). */
    Access(IntSupplier port) {
        this.port = port;
        hosts.addAll(LOOPBACK);
    }

    /** The policy a request came through, or null for one that did not pass {@link HostGuard}. */
    static Access of(Request request) {
        return (Access) request.getAttribute(ATTRIBUTE);
    }

    /** Answers requests for {@code hostName} (a name or an IP address, without port) too. */
    void allowHost(String hostName) {
        String host = hostName == null ? "" : hostName.trim().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') != host.lastIndexOf(':') && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 address, written as a Host header writes it
        }
        if (host.isEmpty() || !host.equals(hostOf(host)) || host.contains("/")) {
            throw new IllegalArgumentException("not a host name: " + hostName);
        }
        hosts.add(host);
    }

    /** Lets pages of {@code origin} (e.g. {@code http://shop.test:8000}) read the emulated back ends' answers. */
    void allowOrigin(String origin) {
        String o = normalOrigin(origin);
        if (o == null) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
        }
        origins.add(o);
    }

    /** Whether a request with this {@code Host} header (null when it had none) is for the sandbox. */
    boolean hostAllowed(String hostHeader) {
        return hostHeader != null && hosts.contains(hostOf(hostHeader.trim().toLowerCase(Locale.ROOT)));
    }

    /** Whether the request carries an {@code Origin} and scripts of that origin may read the answer. */
    boolean corsAllowed(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return false;
        }
        if (ownOrigin(origin, request)) {
            return true;
        }
        return !Request.getPathInContext(request).startsWith(SandboxApi.PREFIX)
                && origins.contains(String.valueOf(normalOrigin(origin)));
    }

    /** Whether the request has no {@code Origin} (not sent by a page's script) or the sandbox's own. */
    boolean fromOwnOriginOrNone(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        return origin == null || ownOrigin(origin, request);
    }

    /**
     * An allowed host over http, on the sandbox's port or on the port of the request's own {@code Host}: Chromium's
     * {@code --host-resolver-rules} can map {@code www.example.com:80} to the sandbox's port, and then the page's
     * origin is port 80 while the sandbox listens elsewhere.
     */
    private boolean ownOrigin(String origin, Request request) {
        URI uri = parse(origin);
        if (uri == null || !"http".equals(uri.getScheme()) || !hosts.contains(uri.getHost())) {
            return false;
        }
        int originPort = uri.getPort() < 0 ? 80 : uri.getPort();
        return originPort == port.getAsInt() || originPort == portOf(request.getHeaders().get(HttpHeader.HOST));
    }

    /**
     * {@code scheme://host[:port]} in lower case without a default port, or null when it is not an origin; the
     * opaque origin {@code null} (what a sandboxed iframe's requests carry) stays itself, so a test can allow it.
     */
    private static String normalOrigin(String origin) {
        if ("null".equals(origin == null ? null : origin.trim())) {
            return "null";
        }
        URI uri = parse(origin);
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return null;
        }
        int defaultPort = uri.getScheme().equals("http") ? 80 : 443;
        boolean showPort = uri.getPort() >= 0 && uri.getPort() != defaultPort;
        return uri.getScheme() + "://" + uri.getHost() + (showPort ? ":" + uri.getPort() : "");
    }

    /** An origin as a URI (lower case, host present, nothing after the authority), or null. */
    private static URI parse(String origin) {
        try {
            URI uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            return uri.getHost() != null && bare && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null ? uri : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The host of an authority ({@code name}, {@code name:port}, {@code [v6]:port}), brackets kept. */
    private static String hostOf(String authority) {
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(0, end + 1);
        }
        int colon = authority.indexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /** The port of a {@code Host} header, 80 when it names none, -1 when there is none. */
    private static int portOf(String hostHeader) {
        if (hostHeader == null) {
            return -1;
        }
        String h = hostHeader.trim();
        int colon = h.lastIndexOf(':');
        if (colon < 0 || colon < h.lastIndexOf(']')) {
            return 80;
        }
        try {
            return Integer.parseInt(h.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
