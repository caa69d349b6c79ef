package org.wcs.service;

import org.wcs.platform.Cancellable;
import org.wcs.transport.ChatItems;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Everything that happens to a batch of transcript items before page code sees it, in the original's order: first
 * the participant and typing events each item implies (so {@code agentConnected} comes before the
 * {@code messageReceived} that shows the join), then prefilters, preprocessors, the transcript, and one
 * {@code messageReceived} with the items that are left.
 */
final class Intake implements Runnable {
    private final WebChatService service;
    private final Value preprocessors = Values.array();
    boolean agentTyping;
    /** The agent-typing timeout under way, or null. */
    private Cancellable typingTimeout;

    Intake(WebChatService service) {
        this.service = service;
    }

    void addPreprocessor(Value fn) {
        preprocessors.push(fn);
    }

    void accept(Value messages, Value originals, boolean restoring, boolean old, Value extras) {
        Value shown = Values.array();
        Value shownOriginals = Values.array();
        for (int i = 0; i < messages.length(); i++) {
            Value m = messages.at(i);
            Value original = originals.at(i);
            if (!old) {
                participants(m);
            }
            if (service.prefilters.hides(m.get("text")) || service.prefilters.hides(original.get("text"))
                    || service.prefilters.hides(original.get("body"))) {
                continue;
            }
            if (restoring) {
                m.set("restoring", true);
            }
            m = preprocess(m);
            shown.push(m);
            shownOriginals.push(original);
        }
        if (shown.length() == 0) {
            return;
        }
        if (old) {
            service.transcript.prepend(shown, shownOriginals);
        } else {
            for (int i = 0; i < shown.length(); i++) {
                service.transcript.add(shown.at(i), shownOriginals.at(i));
            }
        }
        Value event = Values.object().set("originalMessages", shownOriginals).set("messages", shown)
                .set("restoring", restoring).set("sessionData", service.transport.sessionData())
                .set("oldMessages", old);
        service.publish(Events.MESSAGE_RECEIVED, Values.assign(event, extras));
    }

    /**
     * The transcript so far, published once more as a restore publishes it, for a WebChat UI that came after it was
     * published (loaded later in this tab, when the chat was restored or began in another): copies, flagged
     * {@code restoring}, as they were shown (filtered and preprocessed then).
     */
    void replay() {
        Value messages = service.transcript.messages;
        if (messages.length() == 0) {
            return;
        }
        Value copies = Values.array();
        Value originals = Values.array(); // not the transcript's own list: a subscriber may change what it is given
        for (int i = 0; i < messages.length(); i++) {
            copies.push(Values.assign(Values.object(), messages.at(i)).set("restoring", true));
            originals.push(service.transcript.originals.at(i));
        }
        service.publish(Events.MESSAGE_RECEIVED, Values.object().set("originalMessages", originals)
                .set("messages", copies).set("restoring", true).set("sessionData", service.transport.sessionData())
                .set("oldMessages", false));
    }

    /** Each preprocessor gets the converted message; what it returns replaces it unless falsy. */
    private Value preprocess(Value m) {
        for (int i = 0; i < preprocessors.length(); i++) {
            try {
                Value r = preprocessors.at(i).call(Values.undefined(), m);
                if (r.truthy()) {
                    m = r;
                }
            } catch (JsError e) {
                e.surface(); // a broken preprocessor must not lose the message: it is shown as it was
            }
        }
        return m;
    }

    /**
     * The events an item implies. Types are compared in lower case, as the WebChat UI reads them: PureConnect's
     * items keep the original's spellings ({@code participantjoined}, {@code message}, {@code typingstarted}).
     */
    private void participants(Value m) {
        String type = Values.lower(m.get("type").str(""));
        String from = m.get("from").get("type").str("");
        boolean agent = ChatItems.staff(from);
        boolean joined = is(type, ChatItems.PARTICIPANT_JOINED);
        if (joined || is(type, ChatItems.PARTICIPANT_LEFT)) {
            if (agent) {
                service.transcript.agent(m, joined, from.equals(ChatItems.SUPERVISOR));
                if (!joined) {
                    typing(false, Values.object());
                }
            }
            String event = Events.participant(from, joined);
            if (event != null) {
                service.publish(event, Values.object().set("message", m)
                        .set("agents", service.transcript.agents)
                        .set("numAgentsConnected", service.transcript.connectedAgents()));
            }
        } else if (agent && is(type, ChatItems.TYPING_STARTED)) {
            typing(true, m);
        } else if (agent && (is(type, ChatItems.TYPING_STOPPED) || is(type, ChatItems.MESSAGE)
                || is(type, ChatItems.PUSH_URL) || is(type, ChatItems.NOTICE))) {
            typing(false, is(type, ChatItems.TYPING_STOPPED) ? m : Values.object());
        }
    }

    /** Whether {@code type}, lower case, is the item type {@code name} (compared in lower case, without a copy). */
    private static boolean is(String type, String name) {
        return Values.isLower(type, name);
    }

    /**
     * Agent typing from the transcript or from the transport: data key {@code agentTyping}, then the event. Each start
     * (re)arms the back end's typing timeout ({@link org.wcs.transport.Transport#agentTypingTimeoutMs}), which a stop,
     * the agent's text or leaving cancels.
     */
    void typing(boolean on, Value data) {
        typingTimeout = Cancellable.cancel(typingTimeout);
        if (on == agentTyping && !on) {
            return;
        }
        agentTyping = on;
        service.plugin.data("agentTyping", Values.of(on));
        service.publish(on ? Events.AGENT_TYPING_STARTED : Events.AGENT_TYPING_STOPPED, data);
        int timeout = on ? service.transport.agentTypingTimeoutMs() : 0;
        if (timeout > 0) {
            typingTimeout = service.platform.scheduler.schedule(timeout, this);
        }
    }

    /** The typing timeout ran out: the indicator goes, with {@code agentTypingTimeout} instead of a stop. */
    @Override
    public void run() {
        typingTimeout = null;
        agentTyping = false;
        service.plugin.data("agentTyping", Values.of(false));
        service.publish(Events.AGENT_TYPING_TIMEOUT, Values.object());
    }
}
