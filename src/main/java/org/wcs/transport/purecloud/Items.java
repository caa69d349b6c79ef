package org.wcs.transport.purecloud;

import org.wcs.transport.ChatItems;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Server messages as transcript items (spec 8.3). */
final class Items {
    private Items() {
    }

    /**
     * The item for a server message sent by {@code member} (undefined when unknown), or null when nothing is shown:
     * joins and leaves of ACD members, of unknown members, of bots unless {@code bots}, and, when {@code live}, the
     * guest's own join (the synthetic start item stands for it). Unlike the original, a join or leave is one item with
     * its sender in {@code from}, the server's id and time, never a second from-less copy (quirk Q7).
     * Keys as the original's: {@code type, text, restoring, index, timestamp, id, [avatar], from{id, name, type}}.
     */
    static Value item(Value m, Value member, boolean bots, boolean live, boolean self, double now) {
        String bodyType = m.get("bodyType").str("standard");
        String role = member.get("role").str("");
        boolean join = bodyType.equals("member-join");
        boolean change = join || bodyType.equals("member-leave");
        String from = role.equals("AGENT") ? ChatItems.AGENT : role.equals("CUSTOMER") ? ChatItems.CLIENT
                : role.equals("WORKFLOW") ? bodyType.equals("notice") ? ChatItems.EXTERNAL : ChatItems.BOT : null;
        if (change && (from == null || !bots && from.equals(ChatItems.BOT) || live && join && self)) {
            return null;
        }
        String name = member.get("displayName").str("");
        double t = Values.time(m.get("timestamp").str());
        if (t != t) {
            t = Values.time(member.get(join ? "joinDate" : "leaveDate").str());
        }
        if (t != t) {
            t = now;
        }
        String type = change ? join ? ChatItems.PARTICIPANT_JOINED : ChatItems.PARTICIPANT_LEFT : ChatItems.MESSAGE;
        // As the original: a message has its text; a join or leave shown live has text "", one read from a page none
        Value text = !change ? m.get("body") : live ? Values.of("") : null;
        Value item = shape(t, type, text, m.get("id"));
        String avatar = member.get("avatarImageUrl").str("");
        if (!avatar.isEmpty()) {
            item.set("avatar", avatar);
        }
        return item.set("from", from(m.get("sender").get("id"), from == null ? null : name.isEmpty() ? from : name,
                from));
    }

    /** The guest's own join, shown at once when a chat starts (the original's synthetic first item). */
    static Value started(double now, String memberId, String name) {
        return shape(now, ChatItems.PARTICIPANT_JOINED, Values.of(""), null)
                .set("from", from(Values.of(memberId), name, ChatItems.CLIENT));
    }

    /**
     * An item's keys in the original's order: {@code type, [text], restoring, index, timestamp, [id]}, then avatar and
     * {@code from}. {@code restoring} is false here; the service marks a restored batch's items true.
     */
    private static Value shape(double t, String type, Value text, Value id) {
        Value item = Values.object().set("type", type);
        if (text != null) {
            item.set("text", text.isString() ? text : Values.of(""));
        }
        item.set("restoring", false).set("index", t).set("timestamp", t);
        return id == null ? item : item.set("id", id);
    }

    /** {@code from} in the original's order (id, name, type); the id is ours, so agents stay keyed by it. */
    private static Value from(Value id, String name, String type) {
        return Values.object().set("id", id).set("name", name).set("type", type);
    }
}
