package org.wcs.sandbox;

/** A back end the sandbox emulates: it adds its HTTP routes (and WebSocket paths) to the server. */
public interface Emulator {
    void install(Sandbox sandbox);

    /** Its agent side, for the scripted agent and the console; null when it has none. */
    default AgentDesk desk() {
        return null;
    }

    /** Releases what the emulator runs besides the server's threads (called when the sandbox stops). */
    default void close() {
    }
}
