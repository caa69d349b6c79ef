package org.wcs.platform;

/** {@code localStorage}: shared by the tabs of one origin. */
public interface Storage {
    String get(String key);

    void set(String key, String value);

    void remove(String key);
}
