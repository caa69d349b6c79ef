package org.wcs.transport;

import org.wcs.value.Value;

/**
 * What a transport reports to the service, and the little it may ask of it. The service turns reports into bus events
 * and state; a transport never sees the bus. Calls must come from the event loop, never from inside a service call
 * that is still running (use {@code schedule(0, ...)} when in doubt).
 */
public interface TransportListener {
    /** The chat started: {@code sessionData} is the payload of the {@code started} event. */
    void started(Value sessionData);

    /**
     * New transcript items, converted ({@code messages}, each {@code {index, type, text, timestamp,
     * from:{id, type, name}}} plus optional fields) and as the server sent them ({@code originals}, same length).
     * {@code extras} holds batch fields for the event, e.g. {@code idleTimeCountDown}; may be undefined.
     */
    void messages(Value messages, Value originals, boolean restoring, boolean oldMessages, Value extras);

    /** An agent's typing state learnt outside the transcript: {@code state} is one of the three typing events. */
    void agentTyping(Value from, String state);

    /**
     * Any other report, by its event name ({@link Events}): connection state, polling, restore outcomes, errors,
     * {@code ajaxResponse}. The service updates its state and publishes it with {@code data}.
     */
    void report(String event, Value data);

    /** The server (or another tab) ended the chat. */
    void ended();

    /** The transport's capabilities changed: {@code {async, asyncClose, pagination, fileUpload}}, any subset. */
    void capabilities(Value capabilities);

    /** Session identifiers changed (stored as data {@code WebChatService.sessionData}). */
    void sessionData(Value sessionData);

    /** Current text of the registered typing-preview input, or "". */
    String previewText();

    /** Current Widgets language ({@code App.language}), or null when none was published. */
    String language();

    /** A request header the page configured (e.g. "Authorization" when {@code enableCustomHeader}), or null. */
    String header(String name);
}
