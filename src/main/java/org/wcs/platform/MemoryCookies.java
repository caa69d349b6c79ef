package org.wcs.platform;

import org.wcs.util.Dict;

/**
 * A cookie jar that lives as long as the page: where the browser stores no cookie at all (cookies blocked, a
 * sandboxed iframe) the chat still runs on it; nothing survives a reload. Attributes other than a removal's past
 * expiry mean nothing here.
 */
public final class MemoryCookies implements Cookies {
    private final Dict<String> values = new Dict<>();

    @Override
    public String get(String name) {
        return values.get(name);
    }

    @Override
    public void set(String name, String value, String attributes) {
        if (attributes.startsWith(CookieOptions.EXPIRED)) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }
}
