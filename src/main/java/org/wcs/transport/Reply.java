package org.wcs.transport;

import org.wcs.value.Value;

/** The answer to one transport call: exactly one of the two, once, on a later turn of the event loop. */
public interface Reply {
    /** For calls nobody waits on. */
    Reply IGNORE = new Reply() {
        @Override
        public void ok(Value result) {
        }

        @Override
        public void fail(Value reason) {
        }
    };

    void ok(Value result);

    void fail(Value reason);
}
