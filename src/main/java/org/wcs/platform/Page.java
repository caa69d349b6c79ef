package org.wcs.platform;

import org.wcs.value.Value;

/** The hosting page: its global object, location and DOM-level services the core may need. */
public interface Page {
    /** {@code window}. */
    Value window();

    /** {@code location.href}. */
    String href();

    String referrer();

    String title();

    String userAgent();

    /**
     * Runs {@code task} once the document is parsed (at {@code DOMContentLoaded}, or on the next turn if that is
     * past): by then the page's own scripts after ours have registered their plugins and subscriptions.
     */
    void whenParsed(Runnable task);

    /**
     * Runs {@code task} each time the page comes back: the browser is online again ({@code online}) or the document
     * becomes visible ({@code visibilitychange}). For connections that gave up retrying; a throw stays inside.
     */
    void onReturn(Runnable task);

    /**
     * Whether the document is visible now ({@code document.visibilityState}): a page in a background tab, a minimised
     * window or a locked screen is not. The tabs of a site rest their shared connection while none is visible; it is
     * ours, so pages without Genesys's App (which publishes {@code App.data.pageHidden}) have it too.
     */
    boolean visible();

    /** Runs {@code task} each time {@link #visible} may have changed ({@code visibilitychange}); a throw stays inside. */
    void onVisibility(Runnable task);

    /**
     * {@code navigator.onLine}: false when the browser knows it has no network (a request would fail at once). True
     * says only that it may have one: a server can still be out of reach.
     */
    boolean online();

    /** Appends {@code <script src=url>} to the head; exactly one of the callbacks runs. */
    void loadScript(String url, Runnable onLoad, Runnable onError);

    /** Submits a hidden POST form to {@code url} in a new tab (fields: name, value, alternating). */
    void submitForm(String url, String[] fields);

    /** Writes a line to the console. Callers decide whether debug output is wanted. */
    void log(String line);

    /**
     * {@code encodeURIComponent} made total: a lone UTF-16 surrogate becomes U+FFFD first (what
     * {@code String.prototype.toWellFormed} does). Half an emoji is easy to get from a page (a field's
     * {@code maxlength}, a script cutting text), and the URIError it would raise stops the request; in a poll timer it
     * stopped polling for good. Every encoding of the core goes through here, so the edges stay plain ports.
     */
    default String encodeUri(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c & 0xF800) == 0xD800) { // a surrogate: kept only as the high half of a pair with the next char
                if (c < 0xDC00 && i + 1 < s.length() && (s.charAt(i + 1) & 0xFC00) == 0xDC00) {
                    b.append(c);
                    c = s.charAt(++i);
                } else {
                    c = 0xFFFD;
                }
            }
            b.append(c);
        }
        return encodeUriComponent(b.toString());
    }

    /**
     * {@link #encodeUri} for one path segment of a URL built from data (an id from a server or a cookie): the result
     * never leaves its segment. {@code encodeURIComponent} keeps dots, and URL parsers resolve a {@code .} or
     * {@code ..} segment (also written {@code %2E}), so those two are sent as {@code %252E}: a wrong id the server
     * refuses, instead of a request to another path.
     */
    default String encodeSegment(String s) {
        return s.equals(".") ? "%252E" : s.equals("..") ? "%252E%252E" : encodeUri(s);
    }

    /** {@code encodeURIComponent} itself: throws (URIError) on a lone surrogate. Callers use {@link #encodeUri}. */
    String encodeUriComponent(String s);

    /** {@code decodeURIComponent}; returns the input when it is malformed. */
    String decodeUri(String s);
}
