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
