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
        Value item = ChatItems.item(t, type, change ? "" : m.get("body").str(""), t, m.get("sender").get("id"), from,
                from == null ? null : name.isEmpty() ? from : name).set("id", m.get("id"));
        String avatar = member.get("avatarImageUrl").str("");
        return avatar.isEmpty() ? item : item.set("avatar", avatar);
    }
}
