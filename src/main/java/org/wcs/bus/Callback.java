package org.wcs.bus;

import org.wcs.value.Value;

/** A deferred callback: {@code self} is what JS code sees as {@code this}, {@code args} what the settler passed. */
public interface Callback {
    void call(Value self, Value[] args);
}
