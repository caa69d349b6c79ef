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

    /** Appends {@code <script src=url>} to the head; exactly one of the callbacks runs. */
    void loadScript(String url, Runnable onLoad, Runnable onError);

    /** Submits a hidden POST form to {@code url} in a new tab (fields: name, value, alternating). */
    void submitForm(String url, String[] fields);

    /** Writes a line to the console. Callers decide whether debug output is wanted. */
    void log(String line);

    /** {@code encodeURIComponent}. */
    String encodeUri(String s);

    /** {@code decodeURIComponent}; returns the input when it is malformed. */
    String decodeUri(String s);
}
