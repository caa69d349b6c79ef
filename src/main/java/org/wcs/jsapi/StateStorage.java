package org.wcs.jsapi;

import org.wcs.value.Value;

/**
 * Where the state of a chat lives between pages (spec §7.1): the default cookie, or the page's own
 * {@code {write(state), read()}} object. Both calls are synchronous and may throw (a {@link org.wcs.value.JsError}
 * from page code); callers catch.
 */
interface StateStorage {
    /** Stores {@code state}, or forgets it when {@code state} is null. */
    void write(Value state);

    /** The stored state object, or null when there is none (nothing, garbage, another version). */
    Value read();
}
