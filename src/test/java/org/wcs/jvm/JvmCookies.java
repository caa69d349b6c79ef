package org.wcs.jvm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wcs.platform.Cookies;

/**
 * {@code document.cookie} for one page on the JVM: a jar that honours deletion by a past expiry or a zero max-age and
 * keeps the attributes of each write so tests can check domain, path, SameSite and Secure.
 */
public final class JvmCookies implements Cookies {
    private final Map<String, String> values = new LinkedHashMap<>();
    public final Map<String, String> attributes = new LinkedHashMap<>();

    @Override
    public String get(String name) {
        return values.get(name);
    }

    @Override
    public void set(String name, String value, String attrs) {
        String lower = attrs.toLowerCase();
        if (lower.contains("expires=thu, 01 jan 1970") || lower.matches(".*max-age=(0|-\\d+).*")) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        attributes.put(name, attrs);
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
