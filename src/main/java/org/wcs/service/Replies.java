package org.wcs.service;

import org.wcs.bus.Command;
import org.wcs.transport.Reply;
import org.wcs.value.Value;

/** Bridges transport replies to bus commands. */
final class Replies {
    private Replies() {
    }

    /** Settles {@code c} with the transport's answer. */
    static Reply of(Command c) {
        return new Reply() {
            @Override
            public void ok(Value result) {
                c.resolve(result);
            }

            @Override
            public void fail(Value reason) {
                c.reject(reason);
            }
        };
    }
}
