package org.wcs.jvm;

import java.util.HashMap;
import java.util.Map;
import org.wcs.platform.Storage;

/** {@code localStorage} for JVM tests; share one instance between two "tabs" to model the same origin. */
public final class JvmStorage implements Storage {
    public final Map<String, String> items = new HashMap<>();

    @Override
    public String get(String key) {
        return items.get(key);
    }

    @Override
    public void set(String key, String value) {
        items.put(key, value);
    }

    @Override
    public void remove(String key) {
        items.remove(key);
    }
}
