package org.wcs.platform;

/** The page's cookie jar ({@code document.cookie}), with names and values as given: no encoding at this level. */
public interface Cookies {
    /** The raw value, or null. */
    String get(String name);

    /**
     * Writes one cookie. {@code attributes} is the tail of a Set-Cookie line, e.g. "; path=/; samesite=strict".
     */
    void set(String name, String value, String attributes);
}
