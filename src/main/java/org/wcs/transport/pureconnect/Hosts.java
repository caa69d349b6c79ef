package org.wcs.transport.pureconnect;

import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The pool of PureConnect servers and which one is in use (spec 3.2): the host that last answered stays in use; a 503
 * moves to the next one (first those the 503's {@code alternateHostList} names, then {@code transport.hosts}).
 * Each request tries each host at most once (the original kept one list of tried hosts for the whole page, so once
 * every host had failed once nothing was ever sent again, and a start on a host in use retried it without end: Q10).
 */
final class Hosts {
    private final String[] configured;
    private String[] alternates = new String[0];
    /** The host in use, or null. */
    String current;
    /** The host in use answered 503: the chat moves, and the host that next answers must be told (reconnect). */
    boolean switched;
    /** The host that answered 503. */
    String left;

    Hosts(String[] configured) {
        this.configured = configured;
    }

    /** The host a request tries next, having tried {@code tried}; null when none is left. */
    String next(String[] tried, int triedCount) {
        if (current != null && !contains(tried, triedCount, current)) {
            return current;
        }
        for (String h : alternates) {
            if (!contains(tried, triedCount, h)) {
                return h;
            }
        }
        for (String h : configured) {
            if (!contains(tried, triedCount, h)) {
                return h;
            }
        }
        return null;
    }

    /** {@code host} answered 503: it is no longer in use, and its list of alternates (if any) is adopted. */
    void unavailable(String host, Value body) {
        if (host.equals(current)) {
            switched = true;
            left = host;
            current = null;
        }
        Value list = body.get("alternateHostList");
        if (list.isArray()) {
            int n = 0;
            String[] a = new String[list.length()];
            for (int i = 0; i < a.length; i++) {
                if (list.at(i).isString()) {
                    a[n++] = Values.lower(list.at(i).str());
                }
            }
            alternates = new String[n];
            for (int i = 0; i < n; i++) { // no System.arraycopy: it brings its own weight into the bundle
                alternates[i] = a[i];
            }
        }
    }

    /**
     * After a success: whether the chat moved to another host since a 503 (then that host is told with a reconnect).
     * A chat that comes back to the host it left has nothing to tell.
     */
    boolean moved() {
        boolean m = switched && current != null && !current.equals(left);
        if (current != null) {
            switched = false;
        }
        return m;
    }

    int size() {
        return configured.length + alternates.length + 1;
    }

    private static boolean contains(String[] list, int n, String h) {
        for (int i = 0; i < n; i++) {
            if (list[i].equals(h)) {
                return true;
            }
        }
        return false;
    }
}
