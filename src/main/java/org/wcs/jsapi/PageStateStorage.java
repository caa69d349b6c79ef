package org.wcs.jsapi;

import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A page's own {@code stateStorage} (spec §7.1): called as the seed's example does, {@code write(state)} with a plain
 * object (or null when the chat is over) and {@code read()}, which may return that object or its JSON text.
 */
final class PageStateStorage implements StateStorage {
    private final Value storage;

    PageStateStorage(Value storage) {
        this.storage = storage;
    }

    /** Whether {@code v} can serve as a storage: an object with {@code write} and {@code read} functions. */
    static boolean fits(Value v) {
        return v.isObject() && v.get("write").isFunction() && v.get("read").isFunction();
    }

    @Override
    public void write(Value state) {
        storage.get("write").call(storage, state == null ? Values.nul() : Values.plainRecord(state));
    }

    @Override
    public Value read() {
        return storage.get("read").call(storage);
    }
}
