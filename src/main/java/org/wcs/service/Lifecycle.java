package org.wcs.service;

/**
 * The chat's lifecycle, owned by the service. Every command that starts, restores or ends a chat asks
 * {@link #canGo} first and answers an illegal transition with the spec's rejection text; transports keep no copy.
 *
 * <p>A closed set of typed constants compared by identity; not a Java enum, which would bring java.lang.Enum and
 * every constant's name into the bundle.
 */
final class Lifecycle {
    /** No chat yet on this page. */
    static final Lifecycle IDLE = new Lifecycle();
    /** {@code startChat} sent, no answer yet. */
    static final Lifecycle STARTING = new Lifecycle();
    /** A restore is under way, or held back until the WebChat UI is ready. */
    static final Lifecycle RESTORING = new Lifecycle();
    /** A chat runs. */
    static final Lifecycle ACTIVE = new Lifecycle();
    /** The customer's {@code endChat} is on its way. */
    static final Lifecycle ENDING = new Lifecycle();
    /** The chat ended; a new one may start. */
    static final Lifecycle ENDED = new Lifecycle();

    private Lifecycle() {
    }

    /** The table of allowed transitions (ifs: identity checks on the constants). */
    boolean canGo(Lifecycle next) {
        if (this == IDLE || this == ENDED) {
            return next == STARTING || next == RESTORING;
        }
        if (this == STARTING || this == RESTORING) {
            return next == ACTIVE || next == IDLE;
        }
        if (this == ACTIVE) {
            return next == ENDING || next == ENDED;
        }
        return this == ENDING && next == ENDED;
    }
}
