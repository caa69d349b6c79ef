package org.wcs.service;

/**
 * The chat's lifecycle, owned by the service. Every command that starts, restores or ends a chat asks
 * {@link #canGo} first and answers an illegal transition with the spec's rejection text; transports keep no copy.
 */
enum Lifecycle {
    /** No chat yet on this page. */
    IDLE,
    /** {@code startChat} sent, no answer yet. */
    STARTING,
    /** A restore is under way, or held back until the WebChat UI is ready. */
    RESTORING,
    /** A chat runs. */
    ACTIVE,
    /** The customer's {@code endChat} is on its way. */
    ENDING,
    /** The chat ended; a new one may start. */
    ENDED;

    /** The table of allowed transitions (ifs, not a switch: an enum switch costs a class in the bundle). */
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
