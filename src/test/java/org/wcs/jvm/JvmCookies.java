package org.wcs.jvm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.wcs.platform.Cookies;

/**
 * {@code document.cookie} for one site on the JVM: a jar that honours deletion by a past expiry or a zero max-age,
 * refuses what a browser refuses (a {@code domain} the page's host is not under, a public suffix as the domain, a
 * {@code Secure} cookie from an http page) and keeps the attributes of each write so tests can check domain, path,
 * SameSite and Secure. {@link #blocked} makes it a jar that stores nothing, as with cookies blocked.
 */
public final class JvmCookies implements Cookies {
    /** A few entries of the Public Suffix List, ICANN and private sections: enough for the hosts tests use. */
    static final Set<String> PUBLIC_SUFFIXES = Set.of("com", "org", "net", "fr", "uk", "jp", "io", "test",
            "co.uk", "org.uk", "gouv.fr", "co.jp", "myshopify.com", "github.io", "blogspot.com");

    private final Map<String, String> values = new LinkedHashMap<>();
    public final Map<String, String> attributes = new LinkedHashMap<>();
    /** The location of the page the jar belongs to (the first tab binds it); cookie rules depend on its host. */
    public Supplier<String> location;
    /** Stores nothing and reads nothing, as a browser with cookies blocked. */
    public boolean blocked;
    /** How many times each cookie was written (document.cookie writes cost: the restore benchmark counts them too). */
    public final Map<String, Integer> writes = new LinkedHashMap<>();

    @Override
    public String get(String name) {
        return blocked ? null : values.get(name);
    }

    @Override
    public void set(String name, String value, String attrs) {
        writes.merge(name, 1, Integer::sum);
        String lower = attrs.toLowerCase();
        if (blocked || !accepted(lower)) {
            return;
        }
        if (lower.contains("expires=thu, 01 jan 1970") || lower.matches(".*max-age=(0|-\\d+).*")) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        attributes.put(name, attrs);
    }

    private boolean accepted(String attrs) {
        String href = location == null ? "http://localhost/" : location.get();
        String host = href.replaceFirst("^[a-z]+://", "").replaceFirst("[/?#].*$", "").replaceFirst(":\\d+$", "")
                .toLowerCase();
        if (attrs.contains("; secure") && href.startsWith("http:")) {
            return false;
        }
        int at = attrs.indexOf("; domain=");
        if (at < 0) {
            return true;
        }
        String domain = attrs.substring(at + 9).replaceFirst(";.*$", "").replaceFirst("^\\.", "");
        boolean under = host.equals(domain) || host.endsWith("." + domain);
        return under && (host.equals(domain) || !PUBLIC_SUFFIXES.contains(domain));
    }

    /** The cookie string as {@code document.cookie} reads it. */
    public String header() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() > 0 ? "; " : "").append(k).append('=').append(v));
        return sb.toString();
    }

    public Map<String, String> all() {
        return values;
    }
}
