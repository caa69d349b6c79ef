package org.wcs.bus;

/** The part of a command's result Java code listens to; callbacks on a settled promise run at once. */
public interface Promise {
    Promise done(Callback callback);

    Promise fail(Callback callback);
}
