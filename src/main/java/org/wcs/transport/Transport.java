package org.wcs.transport;

import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A chat back end as the service drives it: a small state machine that turns calls into requests and server news
 * into {@link TransportListener} reports. The service checks what is generic (session active, message text, who is
 * asking) before calling; a transport checks what only it can know. Each call answers through its {@link Reply}
 * exactly once. What a back end cannot do answers with the original's "This transport doesn't support ..." text;
 * those are the defaults here.
 */
public interface Transport {
    /**
     * Starts a chat. {@code request}: {@code {form, userData, interactionData, async, options}} (see the service);
     * {@code options} is the startChat command's data as given, for a back end's own per-start overrides.
     */
    void start(Value request, Reply reply);

    /** Sends a text; {@code type} defaults to "text"; {@code parentMessageId} may be null. */
    void send(String text, String type, String parentMessageId, Reply reply);

    /** Tells the agent the customer started or stopped typing, with the preview text. */
    void typing(boolean started, String preview, Reply reply);

    /** Ends the chat. Whatever the outcome the transport forgets the session; the service then publishes the end. */
    void end(Reply reply);

    /** Restores a session stored by an earlier page (or from {@code sessionData}, e.g. an async JWT). */
    void restore(Value sessionData, Reply reply);

    /** Session identifiers, e.g. {@code {sessionID, userId, secureKey, alias}}. */
    Value sessionData();

    /** What {@code getSessionData} resolves: {@link #sessionData()}, unless the original answered less. */
    default Value sessionDataAnswer() {
        return sessionData();
    }

    /**
     * How long an agent's typing indication lasts when nothing follows it, or 0 when the back end always says when
     * typing stops. The service owns the timer ({@code agentTypingTimeout} when it runs out).
     */
    default int agentTypingTimeoutMs() {
        return 0;
    }

    /** The command the service should issue to itself once ready: "restore", "asyncRestore" or null. */
    default String resumeCommand() {
        return null;
    }

    /**
     * Takes up the connection of a chat this tab already shows, from another tab of the site that held it until now.
     * {@code shown} holds the transcript items the tab has, oldest first, as the server sent them (the resume point
     * the tab layer keeps for every back end; an item the page made up is there as it was made). A back end that can
     * read its transcript from a point reads only what came after the newest of them ({@link #edge}), answers once
     * that is reported (its history pages go on from the oldest), and returns true; the default restores as a page
     * load does, replaying the transcript, and returns false (the tab layer then keeps only the items it lacks).
     */
    default boolean takeOver(Value shown, Reply reply) {
        if ("asyncRestore".equals(resumeCommand())) {
            asyncRestore(reply);
        } else {
            restore(Values.undefined(), reply);
        }
        return false;
    }

    /**
     * The value of {@code key} in the oldest ({@code newest} false) or newest item of {@code shown} that has one as the
     * server gives it (a string or a number), or undefined.
     */
    static Value edge(Value shown, String key, boolean newest) {
        int n = shown.length();
        for (int i = 0; i < n; i++) {
            Value v = shown.at(newest ? n - 1 - i : i).get(key);
            if (v.isString() || v.isNumber()) {
                return v;
            }
        }
        return Values.undefined();
    }

    default void asyncRestore(Reply reply) {
        reply.fail(Values.undefined());
    }

    default void fetchHistory(Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_HISTORY));
    }

    /** {@link #noChatText}: a message, typing, a file. */
    int NO_CHAT_SEND = 0;
    int NO_CHAT_TYPING = 1;
    int NO_CHAT_UPLOAD = 2;

    /**
     * What sending ({@link #NO_CHAT_SEND}, {@link #NO_CHAT_TYPING} or {@link #NO_CHAT_UPLOAD}) without a chat
     * rejects with: the original's services word it differently per back end.
     */
    default String noChatText(int what) {
        return TransportTexts.NO_ACTIVE_SESSION;
    }

    /** Whether {@code sendMessage} without a text says so before it says there is no chat (the original's nextgen). */
    default boolean checksTextFirst() {
        return false;
    }

    /** Whether {@link #sendFile} uploads anything: the original refuses an upload on a back end without them first. */
    default boolean uploads() {
        return true;
    }

    /** Whether {@link #customNotice} sends anything: the original refuses a notice on a back end without them first. */
    default boolean sendsCustomNotices() {
        return false;
    }

    default void customNotice(String message, Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_CUSTOM_NOTICE));
    }

    /** Sends user data during a chat (before one, the service only merges it locally). */
    default void updateUserData(Value data, Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_USER_DATA_UPDATE));
    }

    default void updateInteractionData(Value data, Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_INTERACTION_DATA_UPDATE));
    }

    default void fileLimits(Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_FILE_LIMITS));
    }

    /** Uploads {@code file} (a browser File/Blob). */
    default void sendFile(Value file, Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_FILE_UPLOAD));
    }

    /** Downloads a file of the chat; {@code fileId} is null when the page gave none. */
    default void downloadFile(String fileId, String fileName, Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_FILE_DOWNLOAD));
    }

    default void startPoll(Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_POLLING));
    }

    default void stopPoll(Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_POLLING));
    }

    default void pausePoll(boolean pause, Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_POLLING));
    }

    default void poll(Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_POLLING));
    }

    default void resetPollExceptions(Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_RESET_POLL_EXCEPTIONS));
    }

    /** The page went to sleep or woke up (only called when sleep is enabled and a chat is active). */
    default void sleep(boolean sleeping) {
    }

    /**
     * No tab of the site shows the chat ({@code true}), or one does again: a back end that polls reads at a resting
     * cadence while it is true, and reads at once when it turns false; sockets and held connections stay as they are.
     * Unlike {@link #sleep} it is silent: no event, no request beyond that read (no idle-timer notice), whether or not
     * {@code sleepEnabled} is set. Called by the tab that holds the connection, with or without a chat.
     */
    default void rest(boolean resting) {
    }

    /**
     * Another tab of the site now holds the chat's connection (this one lost its lease while it was frozen): from now
     * on this transport sends nothing (no polls, no socket, no reconnect, no timers) and what is still on its way
     * changes nothing (the tab's generation moved on). Unlike {@link #end} the chat goes on: nothing goes to the
     * server and the session's identity stays in memory and in the cookies, for the tab that leads now and for a
     * later {@link #restore} here. The default does nothing: right for a back end that keeps no timer or socket.
     */
    default void silence() {
    }

    /** The customer is active again: cancel the server's idle timer where the back end has one. */
    default void resetIdle() {
    }
}
