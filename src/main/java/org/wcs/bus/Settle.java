package org.wcs.bus;

import org.wcs.value.Value;

/** The handler's side of a command: only the first settle counts. */
public interface Settle {
    /** Resolves ({@code resolved}) or rejects with {@code args} (what callbacks receive, possibly none). */
    void settle(boolean resolved, Value[] args);
}
