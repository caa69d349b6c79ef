package org.wcs.service;

/**
 * The chat's lifecycle, owned by the service. Every command that starts, restores or ends a chat asks
 * {@link #canGo} first and answers an illegal transition with the spec's rejection text; transports keep no copy.
 *
 * <p>Plain int constants, which javac inlines: not a Java enum, which would bring java.lang.Enum and every constant's
 * name into the bundle, nor constant objects, each use of which TeaVM guards with a static-initializer call (those
 * cost 124 B gzip here).
 */
final class Lifecycle {
    /** No chat yet on this page. */
    static final int IDLE = 0;
    /** {@code startChat} sent, no answer yet. */
    static final int STARTING = 1;
    /** A restore is under way, or held back until the WebChat UI is ready. */
    static final int RESTORING = 2;
    /** A chat runs. */
    static final int ACTIVE = 3;
    /** The customer's {@code endChat} is on its way. */
    static final int ENDING = 4;
    /** The chat ended; a new one may start. */
    static final int ENDED = 5;

    private Lifecycle() {
    }

    /** The table of allowed transitions. */
    static boolean canGo(int from, int next) {
        if (from == IDLE || from == ENDED) {
            return next == STARTING || next == RESTORING;
        }
        if (from == STARTING || from == RESTORING) {
            return next == ACTIVE || next == IDLE;
        }
        if (from == ACTIVE) {
            return next == ENDING || next == ENDED;
        }
        return from == ENDING && next == ENDED;
    }
}
