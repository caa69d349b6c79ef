package org.wcs.bus;

import org.wcs.value.Value;

/** Runs before a command reaches its handler; returns the data to use, or a non-object to cancel the command. */
public interface BeforeHook {
    Value apply(Value data);
}
