package org.wcs.transport.gms;

import org.wcs.transport.StateCookies;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Who we are on the GMS chat ({@code chatId, secureKey, alias, userId}), where we are in its transcript, and the
 * cookies that let the next page (or another tab) pick the chat up: {@code …state.session} (chatId), {@code keys}
 * (JSON secureKey, alias, userId), {@code ping} (last poll, epoch ms), {@code index} (next position).
 */
final class GmsSession {
    static final String SESSION = StateCookies.STATE + "session";
    static final String KEYS = StateCookies.STATE + "keys";
    static final String PING = StateCookies.STATE + "ping";
    static final String INDEX = StateCookies.STATE + "index";
    static final String START_LOCK = StateCookies.STATE + "chatStartLock";

    private final StateCookies cookies;
    /** The live {@code {sessionID, userId, secureKey, alias}} object handed to page code. */
    final Value data = Values.object();
    /** Next transcript position to ask for (1 = everything). */
    int position = 1;
    /** Indexes already delivered, so overlapping or repeated responses show nothing twice. */
    private Value seen = Values.object();

    GmsSession(StateCookies cookies) {
        this.cookies = cookies;
        clear();
    }

    String chatId() {
        return data.get("sessionID").str("");
    }

    void clear() {
        for (String k : new String[] {"sessionID", "userId", "secureKey", "alias"}) {
            data.set(k, "");
        }
        position = 1;
        seen = Values.object();
    }

    /** Takes whatever identity fields a response carries; returns true when one changed. */
    boolean update(Value body) {
        boolean changed = false;
        String[][] fields = {{"chatId", "sessionID"}, {"secureKey", "secureKey"}, {"alias", "alias"},
            {"userId", "userId"}};
        for (String[] f : fields) {
            Value v = body.get(f[0]);
            if (v.isString() || v.isNumber()) {
                String s = Values.text(v);
                changed |= !s.equals(data.get(f[1]).str(""));
                data.set(f[1], s);
            }
        }
        return changed;
    }

    /**
     * True the first time an index is seen; moves the position past it. The position reaches its cookie with
     * {@link #savePosition}, once per answer: a cookie write per message made restoring a long chat slow (measured:
     * a quarter of the script time of a 5,000-message restore).
     */
    boolean first(double index) {
        String key = Values.numberToString(index);
        if (seen.has(key)) {
            return false;
        }
        seen.set(key, true);
        if (index >= position) {
            position = (int) index + 1;
        }
        return true;
    }

    /** Stores the position (the next index to ask for) for the next page. */
    void savePosition() {
        cookies.set(INDEX, Values.numberToString(position));
    }

    void store() {
        cookies.set(SESSION, chatId());
        cookies.set(KEYS, Values.stringify(Values.object().set("secureKey", data.get("secureKey"))
                .set("alias", data.get("alias")).set("userId", data.get("userId"))));
    }

    /** Loads the identity an earlier page stored; false when there is none (or it is damaged). */
    boolean load() {
        String chat = cookies.get(SESSION);
        String keys = cookies.get(KEYS);
        if (chat == null || chat.isEmpty() || keys == null) {
            return false;
        }
        Value k = Values.parseOr(keys, null);
        if (k == null) {
            return false;
        }
        clear();
        data.set("sessionID", chat).set("secureKey", k.get("secureKey").str(""))
                .set("alias", k.get("alias").str("")).set("userId", k.get("userId").str(""));
        return true;
    }

    boolean stored() {
        return cookies.get(SESSION) != null;
    }

    /** Epoch ms of the last poll of any tab, or -1; a cookie that is no number reads as 0 (long ago). */
    double lastPing() {
        String s = cookies.get(PING);
        double ping = s == null ? -1 : Gms.number(s);
        return ping == ping ? ping : 0;
    }

    void ping(double now) {
        cookies.set(PING, Values.numberToString(now));
    }

    void forget() {
        for (String c : new String[] {SESSION, KEYS, PING, INDEX}) {
            cookies.remove(c);
        }
        clear();
    }
}
