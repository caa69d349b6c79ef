package org.wcs.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves one directory under a URL prefix, uncached, so a rebuilt plugin is picked up on reload. A file may have a
 * sidecar {@code <name>.headers} with response headers to add (test pages with a strict CSP use it).
 */
final class StaticFiles extends Handler.Abstract {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml", "txt", "text/plain; charset=utf-8", "woff", "font/woff", "woff2", "font/woff2",
            "ico", "image/x-icon");

    private final String prefix;
    private final Path root;
    /** Optional override: a file served in place of the one at the same relative path under {@link #root}. */
    private final Map<String, Path> replacements;

    /**
     * Added before {@code </body>} of served HTML: points a Genesys Widgets page at the emulator its
     * {@code ?backend=} names (GMS REST when none), with the demo's own configurations.
     */
    static final String BYO_INJECTION = "<script src=\"/demo/config.js\"></script>";

    private final String htmlInjection;

    StaticFiles(String prefix, Path root, Map<String, Path> replacements) {
        this(prefix, root, replacements, null);
    }

    StaticFiles(String prefix, Path root, Map<String, Path> replacements, String htmlInjection) {
        this.htmlInjection = htmlInjection;
        this.prefix = prefix;
        this.root = root.toAbsolutePath().normalize();
        this.replacements = replacements;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(prefix) || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            return false;
        }
        String relative = path.substring(prefix.length());
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative += "index.html";
        }
        Path file = replacements.get(relative);
        if (file == null) {
            file = root.resolve(relative).normalize();
        }
        if (!file.startsWith(root) && !replacements.containsValue(file) || !Files.isRegularFile(file)) {
            return false;
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Path headers = file.resolveSibling(name + ".headers");
        if (Files.isRegularFile(headers)) { // "Name: value" lines, e.g. a strict page's Content-Security-Policy
            for (String line : Files.readAllLines(headers)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    response.getHeaders().put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        if (htmlInjection != null && name.endsWith(".html")) {
            String html = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            int at = html.lastIndexOf("</body>");
            html = at < 0 ? html + htmlInjection : html.substring(0, at) + htmlInjection + html.substring(at);
            bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (request.getMethod().equals("HEAD")) {
            callback.succeeded();
        } else {
            response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
        }
        return true;
    }

    static void notFound(Response response, Callback callback) {
        response.setStatus(404);
        Content.Sink.write(response, true, "Not found", callback);
    }
}
