package org.wcs.service;

import org.wcs.bus.Command;
import org.wcs.bus.CommandHandler;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.Reply;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The plugin's commands. One instance per command name (an index into {@link #NAMES}), one switch: the bundle
 * carries one class instead of thirty. Each command checks its input and the session state, with the original's
 * rejection texts, before the transport is asked for anything.
 */
final class Commands implements CommandHandler {
    static final String[] NAMES = {"configure", "startChat", "endChat", "sendMessage", "sendCustomNotice",
        "sendTyping", "sendFilteredMessage", "addPrefilter", "updateUserData", "updateInteractionData", "poll",
        "startPoll", "stopPoll", "pausePoll", "resetPollExceptions", "restore", "asyncRestore", "getTranscript",
        "getAgents", "getStats", "sendFile", "downloadFile", "getFileLimits", "getSessionData", "fetchHistory",
        "registerTypingPreviewInput", "registerPreProcessor", "verifySession", "sleep", "wake"};

    private static final int CONFIGURE = 0, START_CHAT = 1, END_CHAT = 2, SEND_MESSAGE = 3, SEND_CUSTOM_NOTICE = 4,
        SEND_TYPING = 5, SEND_FILTERED_MESSAGE = 6, ADD_PREFILTER = 7, UPDATE_USER_DATA = 8,
        UPDATE_INTERACTION_DATA = 9, POLL = 10, START_POLL = 11, STOP_POLL = 12, PAUSE_POLL = 13,
        RESET_POLL_EXCEPTIONS = 14, RESTORE = 15, ASYNC_RESTORE = 16, GET_TRANSCRIPT = 17, GET_AGENTS = 18,
        GET_STATS = 19, SEND_FILE = 20, DOWNLOAD_FILE = 21, GET_FILE_LIMITS = 22, GET_SESSION_DATA = 23,
        FETCH_HISTORY = 24, REGISTER_TYPING_PREVIEW_INPUT = 25, REGISTER_PRE_PROCESSOR = 26, VERIFY_SESSION = 27,
        SLEEP = 28, WAKE = 29;

    private final WebChatService s;
    private final int op;

    Commands(WebChatService service, int op) {
        this.s = service;
        this.op = op;
    }

    private static Value text(String s) {
        return Values.of(s);
    }

    /** Optional page data as a JSON-safe copy: {} when not given, null when it is no usable object. */
    private static Value plain(Value given) {
        return given.isNullish() ? Values.object() : Values.plainRecord(given);
    }

    @Override
    public void handle(Command c) {
        Value d = c.data;
        if (op > 0 && s.transport == null) {
            c.reject(text(Texts.INVALID_CONFIGURATION));
            return;
        }
        switch (op) {
            case CONFIGURE:
                String problem = s.configure(d);
                if (problem != null) {
                    c.reject(text(problem));
                } else {
                    c.resolve();
                    s.becomeReady();
                }
                return;
            case START_CHAT:
                startChat(c);
                return;
            case END_CHAT:
                endChat(c);
                return;
            case SEND_MESSAGE:
                s.wake(false);
                sendMessage(c, d.get("message"), d.get("type").str("text"), d.get("parentMessageID"));
                return;
            case SEND_CUSTOM_NOTICE:
                s.wake(false);
                if (!s.transport.sendsCustomNotices()) {
                    c.reject(text(TransportTexts.NO_CUSTOM_NOTICE)); // with or without a chat, as the original
                } else if (active(c)) {
                    s.transport.customNotice(noticeText(d.get("message")), reply(c));
                }
                return;
            case SEND_TYPING:
                if (s.active()) {
                    s.typing.keystroke(c);
                } else {
                    c.reject(text(s.transport.noChatText(Transport.NO_CHAT_TYPING)));
                }
                return;
            case SEND_FILTERED_MESSAGE:
                s.wake(false);
                if (!s.active()) {
                    c.reject(text(Texts.NO_ACTIVE_SESSION_DOT));
                } else if (!Prefilters.valid(d.get("regex"))) {
                    c.reject(text(Texts.BAD_FILTERS));
                } else {
                    s.prefilters.add(d.get("regex"));
                    sendMessage(null, d.get("message"), "text", Values.undefined());
                    c.resolve();
                }
                return;
            case ADD_PREFILTER:
                if (Prefilters.valid(d.get("filters"))) {
                    c.resolve(s.prefilters.add(d.get("filters")));
                } else {
                    c.reject(text(Texts.BAD_FILTERS));
                }
                return;
            case UPDATE_USER_DATA:
                s.wake(false);
                d = plain(d);
                if (d == null) {
                    c.reject(text(Texts.INVALID_USER_DATA));
                    return;
                }
                s.userData = Values.assign(Values.assign(Values.object(), s.userData), d);
                s.plugin.data("userData", s.userData);
                if (s.active()) {
                    s.transport.updateUserData(d, reply(c));
                } else {
                    c.resolve(s.userData);
                }
                return;
            case UPDATE_INTERACTION_DATA:
                d = plain(d);
                if (d == null) {
                    c.reject(text(Texts.INVALID_INTERACTION_DATA));
                    return;
                }
                s.interactionData = Values.assign(Values.assign(Values.object(), s.interactionData), d);
                s.plugin.data("interactionData", s.interactionData);
                if (s.active()) {
                    s.transport.updateInteractionData(d, reply(c));
                } else {
                    c.resolve(s.interactionData);
                }
                return;
            case POLL:
                if (!c.commander.equals(WebChatService.NAME)) {
                    c.reject(text(Texts.ACCESS_DENIED));
                } else {
                    s.transport.poll(reply(c));
                }
                return;
            case START_POLL:
                if (s.cometD || active(c)) { // CometD rejects before looking at the session
                    s.transport.startPoll(reply(c));
                }
                return;
            case STOP_POLL:
                s.transport.stopPoll(reply(c));
                return;
            case PAUSE_POLL:
                if (active(c)) {
                    s.transport.pausePoll(true, reply(c));
                }
                return;
            case RESET_POLL_EXCEPTIONS:
                if (s.connection == ConnectionStatus.OFFLINE || s.connection == ConnectionStatus.PENDING) {
                    s.forgetOutage(); // the page dismissed the outage: its end publishes nothing (spec gms-v2 §7.1)
                }
                s.transport.resetPollExceptions(reply(c));
                return;
            case RESTORE:
            case ASYNC_RESTORE:
                restore(c, op == ASYNC_RESTORE);
                return;
            case GET_TRANSCRIPT:
                c.resolve(s.transcript.transcript());
                return;
            case GET_AGENTS:
                c.resolve(Values.object().set("agents", s.transcript.agents));
                return;
            case GET_STATS:
                c.resolve(s.transcript.stats());
                return;
            case SEND_FILE:
                s.wake(false);
                Value file = d.get("files").get("files").at(0);
                if (!s.active()) {
                    c.reject(text(s.transport.noChatText(Transport.NO_CHAT_UPLOAD)));
                } else if (file.isObject() || !s.transport.uploads()) {
                    s.transport.sendFile(file, reply(c));
                } else {
                    c.reject(text(Texts.NO_FILE));
                }
                return;
            case DOWNLOAD_FILE: // a back end without downloads says so first, with or without a file id (the original)
                String fileId = d.get("fileId").isNullish() ? null : Values.text(d.get("fileId"));
                s.transport.downloadFile(fileId == null || fileId.isEmpty() ? null : fileId, d.get("fileName").str(""),
                        reply(c));
                return;
            case GET_FILE_LIMITS:
                s.transport.fileLimits(reply(c));
                return;
            case GET_SESSION_DATA:
                c.resolve(s.transport.sessionDataAnswer());
                return;
            case FETCH_HISTORY:
                s.transport.fetchHistory(reply(c));
                return;
            case REGISTER_TYPING_PREVIEW_INPUT:
                registerPreviewInput(c, d.get("input"));
                return;
            case REGISTER_PRE_PROCESSOR:
                Value fn = d.get("preprocessor");
                if (fn.isFunction()) {
                    s.intake.addPreprocessor(fn);
                    c.resolve(fn);
                } else {
                    c.reject(text(Texts.NO_PREPROCESSOR_PREFIX + typeOf(fn) + Texts.NO_PREPROCESSOR_SUFFIX));
                }
                return;
            case VERIFY_SESSION:
                if (s.state == Lifecycle.RESTORING) {
                    s.verifyQueue.add(c);
                } else {
                    c.resolve(Values.object().set("sessionActive", s.active()));
                }
                return;
            case SLEEP:
                s.sleep();
                c.resolve();
                return;
            default: // wake
                s.wake(d.get("resetIdleState").truthy());
                c.resolve();
        }
    }

    private boolean active(Command c) {
        if (!s.active()) {
            c.reject(text(TransportTexts.NO_ACTIVE_SESSION));
        }
        return s.active();
    }

    /** Settles {@code c} with the transport's answer, through the report queue (after the reports before it). */
    private Reply reply(Command c) {
        return s.queue.queued(Replies.of(c));
    }

    private void startChat(Command c) {
        Value d = c.data;
        s.wake(false);
        if (s.state == Lifecycle.RESTORING && s.heldResume == null) {
            // A restore is on its way (the page's own, which may wait for the tab that holds the connection to be
            // elected): the start goes once it settles, and is refused only if it brought a chat back.
            s.startsAfterRestore.add(() -> startChat(c));
            return;
        }
        // one chat per page, whichever API started it
        if (!Lifecycle.canGo(s.state, Lifecycle.STARTING) || s.pageBusy()) {
            c.reject(text(Texts.ALREADY_ACTIVE));
            return;
        }
        Value extra = d.get("userData");
        if (extra.isString()) {
            extra = Values.parseOr(extra.str(), Values.of(false)); // false: malformed
        }
        extra = plain(extra);
        if (extra == null) {
            c.reject(text(Texts.MALFORMED_USER_DATA));
            return;
        }
        // A form that is no plain object (a string, a number, an array) is no form: ignored, as the original's GMS
        // service ignored every form; one that cannot be sent as JSON is refused.
        Value givenForm = d.get("form").isRecord() ? plain(d.get("form")) : Values.object();
        Value givenInteraction = plain(d.get("interactionData"));
        if (givenForm == null || givenInteraction == null) {
            c.reject(text(givenForm == null ? Texts.INVALID_FORM : Texts.INVALID_INTERACTION_DATA));
            return;
        }
        Value form = Values.object();
        for (String key : new String[] {"firstname", "lastname", "email", "subject", "nickname"}) {
            if (d.get(key).isString()) {
                form.set(key, d.get(key));
            }
        }
        Values.assign(form, givenForm);
        Value interaction = Values.assign(Values.assign(Values.object(), s.interactionData), givenInteraction);
        Value request = Values.object().set("form", form)
                .set("userData", Values.assign(Values.assign(Values.object(), s.userData), extra))
                .set("interactionData", interaction)
                .set("async", d.get("async").truthy())
                .set("options", d);
        s.go(Lifecycle.STARTING);
        s.nextGeneration();
        s.transcript.reset();
        s.transport.start(request, s.queue.queued(new Reply() {
            @Override
            public void ok(Value result) {
                c.resolve(result);
            }

            @Override
            public void fail(Value reason) {
                s.go(Lifecycle.IDLE); // no-op when the start's report already made it active
                c.reject(reason);
            }
        }));
    }

    private void endChat(Command c) {
        if (!s.go(Lifecycle.ENDING)) {
            c.reject(text(TransportTexts.NO_ACTIVE_SESSION));
            return;
        }
        s.nextGeneration(); // the ending chat's late news is dropped; only the end's own answer counts
        s.transport.end(s.queue.queued(new Reply() {
            @Override
            public void ok(Value result) {
                s.reports.endedByCustomer();
                c.resolve(result.isUndefined() ? Values.object() : result);
            }

            @Override
            public void fail(Value reason) {
                s.reports.endedByCustomer();
                c.reject(reason);
            }
        }));
    }

    /** {@code c} is null for the internal send of {@code sendFilteredMessage}. */
    /**
     * A notice's text as the original's request carries it: a number or a boolean as its text, anything that encodes
     * to nothing there (undefined, null, an object) as "".
     */
    private static String noticeText(Value message) {
        return message.isNumber() || message.isBoolean() ? Values.text(message) : message.str("");
    }

    private void sendMessage(Command c, Value message, String type, Value parent) {
        Reply reply = c == null ? Reply.IGNORE : reply(c);
        // While the connection is down the message goes to the leader's outbox like any other (the original resolved
        // {statusCode: 1} and sent nothing): it is kept, and its command settles when it is sent (see tabs.Outbox).
        String m = message.str();
        boolean noText = m == null || m.trim().isEmpty();
        if (!s.active() && !(noText && s.transport.checksTextFirst())) {
            reply.fail(text(s.transport.noChatText(Transport.NO_CHAT_SEND)));
            return;
        }
        if (noText) {
            reply.fail(text(Texts.NO_MESSAGE_TEXT));
            return;
        }
        if (s.maxMessageLength > 0 && m.codePointCount(0, m.length()) > s.maxMessageLength) {
            reply.fail(text(Texts.MESSAGE_TOO_LONG_PREFIX + Values.numberToString(s.maxMessageLength)
                    + Texts.MESSAGE_TOO_LONG_SUFFIX));
            return;
        }
        s.typing.end(false);
        String parentId = parent.isNullish() ? null : Values.text(parent);
        s.transport.send(m, type, parentId, reply);
    }

    private void restore(Command c, boolean async) {
        if (s.heldResume != null) {
            s.dropHeldResume(); // the UI asks itself: this restore replaces the held one
            s.state = Lifecycle.IDLE;
        }
        if (s.state == Lifecycle.RESTORING) {
            c.reject(text(Texts.ALREADY_RESTORING));
            return;
        }
        if (!s.go(Lifecycle.RESTORING)) {
            if (async && s.active()) {
                c.resolve();
            } else {
                c.reject(text(Texts.RESTORE_WHILE_ACTIVE));
            }
            return;
        }
        s.nextGeneration();
        Reply reply = s.queue.queued(new Reply() {
            @Override
            public void ok(Value result) {
                s.go(Lifecycle.IDLE); // no-op when the restore's report made it active
                s.releaseVerify();
                c.resolve(result);
            }

            @Override
            public void fail(Value reason) {
                s.go(Lifecycle.IDLE);
                s.releaseVerify();
                c.reject(reason);
            }
        });
        if (async) {
            s.transport.asyncRestore(reply);
        } else {
            s.transport.restore(c.data.get("sessionData"), reply);
        }
    }

    /** The input may be an element or a jQuery object around one; it must be a text input or a textarea. */
    private void registerPreviewInput(Command c, Value input) {
        Value element = input.isArray() || input.get("jquery").isString() ? input.at(0) : input;
        String type = element.get("type").str("");
        if (element.isObject() && (type.equals("text") || type.equals("textarea"))) {
            s.preview.watch(element, c.commander);
            c.resolve();
        } else {
            c.reject(text(Texts.BAD_PREVIEW_INPUT));
        }
    }

    /** JS {@code typeof}. */
    static String typeOf(Value v) {
        switch (v.type()) {
            case Value.UNDEFINED:
                return "undefined";
            case Value.BOOLEAN:
                return "boolean";
            case Value.NUMBER:
                return "number";
            case Value.STRING:
                return "string";
            case Value.FUNCTION:
                return "function";
            default:
                return "object";
        }
    }
}
