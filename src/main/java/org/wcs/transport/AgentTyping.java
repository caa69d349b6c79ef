package org.wcs.transport;

/** An agent's typing state learnt outside the transcript. */
public enum AgentTyping {
    STARTED,
    STOPPED,
    /** The server's typing indication expired without a stop. */
    TIMED_OUT
}
