package org.wcs.transport;

import org.wcs.value.Value;

/**
 * What a transport reports to the service, and the little it may ask of it. Reports are typed; the service owns the
 * chat's state and alone turns reports into state changes and bus events (a transport never sees the bus or its event
 * names). Every report is queued and delivered on a later turn of the event loop, tagged with the chat generation
 * that was current when it was made: one that belongs to an earlier chat is dropped, and a transport cannot re-enter
 * the service from inside a service call.
 */
public interface TransportListener {
    /**
     * The chat generation: the service counts up at every start, restore and end. A transport notes it with each
     * request it sends and drops an answer whose generation is no longer {@link #generation()}.
     */
    int generation();

    /** The chat started: {@code sessionData} is the payload of the {@code started} event. */
    void started(Value sessionData);

    /**
     * A chat that another tab of this site started or restored goes on in this one too (tabs share one chat): the
     * service shows it as restored ({@code data}: the {@code restored} payload), and its transcript follows as a
     * {@link BatchKind#RESTORED} batch. Only the tab sharing layer reports it, never a back end.
     */
    default void joined(Value data) {
    }

    /** The outcome of a restore; {@code data} is the event's payload (may be undefined). */
    void restoreOutcome(RestoreOutcome outcome, Value data);

    /**
     * New transcript items, converted ({@code messages}, each {@code {index, type, text, timestamp,
     * from:{id, type, name}}} plus optional fields) and as the server sent them ({@code originals}, same length).
     * {@code extras} holds batch fields for the event, e.g. {@code idleTimeCountDown}; may be undefined.
     */
    void batch(Value messages, Value originals, BatchKind kind, Value extras);

    /** An agent's typing state learnt outside the transcript; {@code from} is who types (may be empty). */
    void agentTyping(Value from, AgentTyping state);

    /** What the transport observed of its link to the server; the service publishes only changes. */
    void connection(ConnectionStatus status);

    /** An error the page should see ({@code error} event) with the back end's payload. */
    void error(Value data);

    /**
     * A server answer as the original publishes it in {@code ajaxResponse} (parsed, or its text where the original
     * does not parse it), for back ends that have the event. Delivered whatever the chat generation: it is about an
     * HTTP answer, not about a chat.
     */
    void exchanged(Value body);

    /** Polling started or stopped. */
    void polling(boolean running);

    /** The server (or another tab) ended the chat. */
    void ended();

    /**
     * The server ended the chat without a word about the customer (PureConnect's {@code chatEnded}): the page hears
     * {@code clientDisconnected}, then {@code ended}, where the original went silent (pureconnect-v4 Q6).
     */
    default void endedSilently() {
        ended();
    }

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
