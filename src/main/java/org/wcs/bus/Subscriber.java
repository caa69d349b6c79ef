package org.wcs.bus;

import org.wcs.value.Value;

/** Receives the envelope {@code {time, publisher, event, data}} of each event it subscribed to. */
public interface Subscriber {
    void on(Value envelope);
}
