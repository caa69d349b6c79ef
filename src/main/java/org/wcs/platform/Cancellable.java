package org.wcs.platform;

/** A pending timer, request or connection that can be called off; cancelling twice is harmless. */
public interface Cancellable {
    void cancel();
}
