package org.wcs.transport.purecloud;

import org.wcs.transport.StateCookies;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The conversation this page is in, and its copy in the original's cookies
 * ({@code _genesys.widgets.webchat.state.purecloud-v2-sockets.*}), so a reload can restore it. {@code LastMsgId}
 * holds the newest message this page has shown: the cursor a reconnect catches up from. {@code ping} (ours, epoch ms)
 * is when a page last heard the stream: a restore after {@code restoreTimeout} away is refused.
 */
final class Session {
    static final int JWT = 0, CONVERSATION = 1, MEMBER = 2, STREAM = 3, LAST = 4, PING = 5;
    private static final String PREFIX = StateCookies.STATE + "purecloud-v2-sockets.";
    private static final String[] COOKIES = {"JWtoken", "ConversationID", "MemberID", "WS_URL", "LastMsgId", "ping"};

    private final StateCookies cookies;
    final String[] v = new String[6];
    /** This page had a session (started or loaded): once it is gone, {@link #data} is empty, as the original's. */
    private boolean had;

    Session(StateCookies cookies) {
        this.cookies = cookies;
    }

    /** Writes every known value. */
    void save() {
        had = true;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != null) {
                cookies.set(PREFIX.concat(COOKIES[i]), v[i]);
            }
        }
    }

    /** Reads the cookies; true when they name a whole session. */
    boolean load() {
        for (int i = 0; i < v.length; i++) {
            v[i] = cookies.get(PREFIX.concat(COOKIES[i]));
        }
        boolean whole = v[JWT] != null && v[CONVERSATION] != null && v[MEMBER] != null && v[STREAM] != null;
        had |= whole;
        return whole;
    }

    void clear() {
        for (int i = 0; i < v.length; i++) {
            cookies.remove(PREFIX.concat(COOKIES[i]));
            v[i] = null;
        }
    }

    void cursor(String messageId) {
        v[LAST] = messageId;
        cookies.set(PREFIX.concat(COOKIES[LAST]), messageId);
    }

    /** The stream was heard from at {@code now} (epoch ms). */
    void ping(double now) {
        v[PING] = Values.numberToString(now);
        cookies.set(PREFIX.concat(COOKIES[PING]), v[PING]);
    }

    /** Whether the stored session was last heard from {@code limitMs} or more before {@code now}; never without a ping. */
    boolean away(double now, int limitMs) {
        Value stored = v[PING] == null ? null : Values.parseOr(v[PING], null);
        double ping = stored == null ? Double.NaN : stored.num();
        return ping == ping && now - ping >= limitMs;
    }

    /** {@code getSessionData}: the identifiers, the jwt included, as the original answers; {} once a session ended. */
    Value data() {
        if (v[JWT] == null && had) {
            return Values.object();
        }
        return Values.object().set("jwt", v[JWT]).set("conversationId", v[CONVERSATION]).set("memberId", v[MEMBER])
                .set("WebSocketUrl", v[STREAM]).set("lastMessageId", v[LAST]);
    }
}
