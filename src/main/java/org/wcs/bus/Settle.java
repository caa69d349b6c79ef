package org.wcs.bus;

import org.wcs.value.Value;

/** The handler's side of a command: only the first settle counts. */
public interface Settle {
    void resolve(Value... args);

    void reject(Value... args);
}
