package org.wcs.transport;

/**
 * An agent's typing state learnt outside the transcript.
 *
 * <p>A closed set of typed constants compared by identity; not a Java enum, which would bring java.lang.Enum and
 * every constant's name into the bundle.
 */
public final class AgentTyping {
    public static final AgentTyping STARTED = new AgentTyping();
    public static final AgentTyping STOPPED = new AgentTyping();

    private AgentTyping() {
    }
}
