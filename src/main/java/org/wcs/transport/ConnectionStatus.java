package org.wcs.transport;

/**
 * How the chat's link to its server stands, as a transport sees it. The service owns the current value and alone
 * turns its changes into bus events: a transport only reports what it observed.
 *
 * <p>A closed set of typed constants compared by identity; not a Java enum, which would bring java.lang.Enum and
 * every constant's name into the bundle.
 */
public final class ConnectionStatus {
    /** Requests and pushes get through. */
    public static final ConnectionStatus ONLINE = new ConnectionStatus();
    /** An outage began (the first failure, or GMS {@code statusCode: 1}); the transport keeps trying. */
    public static final ConnectionStatus PENDING = new ConnectionStatus();
    /** The chat server says it is unavailable, past the retry limit (GMS {@code statusCode: 1} runs, CometD). */
    public static final ConnectionStatus OFFLINE = new ConnectionStatus();
    /** The server cannot be reached (network errors, HTTP failures, dropped sockets), past the retry limit. */
    public static final ConnectionStatus DISCONNECTED = new ConnectionStatus();
    /** The server did not come back within the transport's watchdog (CometD's {@code chatServerTimeout}). */
    public static final ConnectionStatus TIMED_OUT = new ConnectionStatus();

    private ConnectionStatus() {
    }
}
