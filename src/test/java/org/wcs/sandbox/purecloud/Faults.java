package org.wcs.sandbox.purecloud;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Fault injection for the emulator. REST faults are one-shot rules matched in order against the next requests (by
 * method and a path fragment, either may be null for "any"); socket faults act on the conversation's open sockets.
 * Everything here is read under the server's lock.
 */
public final class Faults {
    /** What a matched REST rule does instead of (or before) the normal answer. */
    public enum Kind { STATUS, MALFORMED, EMPTY, DROP, DELAY, LOST }

    static final class Rule {
        final String method;
        final String path;
        final Kind kind;
        final int status;
        final String retryAfter;
        final int delayMs;
        /** For STATUS: the body to send instead of the standard error body. */
        String body;
        int times;

        Rule(String method, String path, Kind kind, int status, String retryAfter, int delayMs, int times) {
            this.method = method;
            this.path = path;
            this.kind = kind;
            this.status = status;
            this.retryAfter = retryAfter;
            this.delayMs = delayMs;
            this.times = times;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    /** Heartbeat frames are sent (default); false stops them on every socket, to trip the client's watchdog. */
    volatile boolean heartbeats = true;
    /** WebSocket upgrades still to refuse. */
    int refuseUpgrades;
    /** Every new socket hears {@code v2.system.socket_closing} as soon as it is attached. */
    volatile boolean socketClosing;
    /** Every new socket is half-open from the start: attached, but nothing ever reaches the client on it. */
    volatile boolean stallNewSockets;
    /** Added to every REST answer. */
    volatile int latencyMs;
    /** Message events still to send twice. */
    volatile int duplicateMessages;
    /** Message events still to send in pairs, the second first. */
    volatile int reorderMessages;

    synchronized void add(Rule r) {
        rules.add(r);
    }

    /** The first rule matching this request, used up by it; or null. */
    synchronized Rule take(String method, String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule r = it.next();
            if ((r.method == null || r.method.equals(method)) && (r.path == null || path.contains(r.path))) {
                if (--r.times <= 0) {
                    it.remove();
                }
                return r;
            }
        }
        return null;
    }

    /** Rules and switches not yet used up. */
    synchronized int pending() {
        return rules.size() + refuseUpgrades + duplicateMessages + reorderMessages;
    }

    synchronized void clear() {
        duplicateMessages = 0;
        reorderMessages = 0;
        rules.clear();
        heartbeats = true;
        refuseUpgrades = 0;
        socketClosing = false;
        stallNewSockets = false;
        latencyMs = 0;
    }
}
