package org.wcs.jsapi;

import org.wcs.transport.ChatItems;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Transcript items as the session's callbacks (spec §9.1): each at its position in the batch, so a join comes before
 * the message that follows it; a leave is followed by {@code onAgentTypingStopped}. Typing is told but kept out of the
 * transcript, and during a replay not told at all. Keeps the local transcript and who is connected.
 */
final class Arrivals {
    private final Outbox outbox;
    /** Every non-typing, unfiltered event seen in this page, in index order: {@code getTranscript}. */
    final Value transcript = Values.array();
    /** Agents and supervisors connected now, by party id (bots do not count). */
    private final Value connected = Values.object();

    Arrivals(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One event: into the transcript unless it is typing, then its callbacks. */
    void take(Value e) {
        String type = e.get("messageType").str("");
        String from = e.get("party").get("type").str("");
        boolean agent = Party.agentLike(from);
        if (type.equals(ChatItems.TYPING_STARTED) || type.equals(ChatItems.TYPING_STOPPED)) {
            if (agent && !e.get("restoring").truthy()) {
                outbox.fire(type.equals(ChatItems.TYPING_STARTED) ? ChatServiceTexts.ON_AGENT_TYPING_STARTED
                        : ChatServiceTexts.ON_AGENT_TYPING_STOPPED, e);
            }
            return;
        }
        transcript.push(e);
        if (type.equals(ChatItems.PARTICIPANT_JOINED) || type.equals(ChatItems.PARTICIPANT_LEFT)) {
            if (!agent) {
                return;
            }
            boolean joined = type.equals(ChatItems.PARTICIPANT_JOINED);
            String id = Values.text(e.get("party").get("id"));
            if (ChatItems.staff(from)) {
                if (joined) {
                    connected.set(id, true);
                } else {
                    connected.remove(id);
                }
            }
            e.set("numAgentsConnected", connected.keys().length);
            outbox.fire(joined ? ChatServiceTexts.ON_AGENT_CONNECTED : ChatServiceTexts.ON_AGENT_DISCONNECTED, e);
            if (!joined) {
                outbox.fire(ChatServiceTexts.ON_AGENT_TYPING_STOPPED,
                        Values.object().set("restoring", e.get("restoring")));
            }
        } else if (Party.message(type)) {
            outbox.fire(ChatServiceTexts.ON_MESSAGE_RECEIVED, e);
        } else if (Party.notice(type)) {
            e.set("noticeType", type);
            outbox.fire(ChatServiceTexts.ON_NOTICE_RECEIVED, e);
        }
    }
}
