package org.wcs.transport;

import org.wcs.value.Value;

/** The answer to one transport call: exactly one of the two, once, on a later turn of the event loop. */
public interface Reply {
    void ok(Value result);

    void fail(Value reason);
}
