package org.wcs.platform;

/** A pending timer, request or connection that can be called off; cancelling twice is harmless. */
public interface Cancellable {
    void cancel();

    /** Cancels {@code pending} if there is one, and returns null: {@code timer = Cancellable.cancel(timer);}. */
    static Cancellable cancel(Cancellable pending) {
        if (pending != null) {
            pending.cancel();
        }
        return null;
    }
}
