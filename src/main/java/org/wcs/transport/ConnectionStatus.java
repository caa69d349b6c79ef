package org.wcs.transport;

/**
 * How the chat's link to its server stands, as a transport sees it. The service owns the current value and alone
 * turns its changes into bus events: a transport only reports what it observed.
 */
public enum ConnectionStatus {
    /** Requests and pushes get through. */
    ONLINE,
    /** An outage began (the first failure, or GMS {@code statusCode: 1}); the transport keeps trying. */
    PENDING,
    /** The chat server says it is unavailable, past the retry limit (GMS {@code statusCode: 1} runs, CometD). */
    OFFLINE,
    /** The server cannot be reached (network errors, HTTP failures, dropped sockets), past the retry limit. */
    DISCONNECTED,
    /** The server did not come back within the transport's watchdog (CometD's {@code chatServerTimeout}). */
    TIMED_OUT
}
