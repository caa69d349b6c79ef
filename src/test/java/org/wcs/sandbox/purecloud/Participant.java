package org.wcs.sandbox.purecloud;

import com.fasterxml.jackson.databind.JsonNode;

/** A scripted agent, bot or ACD member of one conversation: what a test makes it do happens on the wire. */
public final class Participant {
    private final Conversation conversation;
    public final Member member;

    Participant(Conversation conversation, Member member) {
        this.conversation = conversation;
        this.member = member;
    }

    public String id() {
        return member.id;
    }

    /** Offered but not yet answered: {@code member-change ALERTING}. */
    public Participant alerting() {
        synchronized (conversation.server) {
            conversation.members.put(member.id, member);
            member.state = "ALERTING";
            conversation.changed(member);
        }
        return this;
    }

    public Participant joins() {
        synchronized (conversation.server) {
            conversation.join(member);
        }
        return this;
    }

    public Participant types() {
        synchronized (conversation.server) {
            conversation.typing(member);
        }
        return this;
    }

    /** Says {@code text}; returns the stored message. */
    public JsonNode says(String text) {
        synchronized (conversation.server) {
            return conversation.post(member, text, "standard");
        }
    }

    public JsonNode notice(String text) {
        synchronized (conversation.server) {
            return conversation.post(member, text, "notice");
        }
    }

    /**
     * A co-browse offer: a PENDING media request the guest can read and answer, announced by a message with
     * {@code bodyType: media-request} whose body is {@code text}; returns the message.
     */
    public JsonNode mediaRequest(String text) {
        synchronized (conversation.server) {
            conversation.mediaRequests.offer(text, "COBROWSE");
            return conversation.post(member, text, "media-request");
        }
    }

    public Participant leaves() {
        synchronized (conversation.server) {
            conversation.leave(member, true);
        }
        return this;
    }

    /** Runs {@code action} after {@code ms} on the emulator's clock. */
    public void after(int ms, Runnable action) {
        conversation.server.clock.schedule(ms, action);
    }
}
