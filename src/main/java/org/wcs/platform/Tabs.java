package org.wcs.platform;

import org.wcs.value.Value;

/**
 * The other tabs of this site in the same browser: a lock that elects one leader among them, and a channel to talk.
 * In the browser: Web Locks and a {@code BroadcastChannel}; on the JVM: one object shared by the tabs of a test.
 */
public interface Tabs {
    /** Whether this browser can elect a leader and carry messages between tabs. */
    boolean available();

    /**
     * Asks for the lock {@code name}: {@code granted} runs (on a later turn) once this tab holds it, which it then
     * does until the page goes away. Tabs asking for a held lock wait in line; when the holder goes (closed, crashed,
     * navigated away), the next one gets it.
     */
    void lead(String name, Runnable granted);

    /**
     * Joins the channel {@code name}: {@code receiver} gets every message another tab posts on it (never this tab's
     * own), on a later turn, in the order each tab posted them. Messages are copied as {@code postMessage} copies
     * them: plain data, files and blobs.
     */
    Channel join(String name, Receiver receiver);

    /** Runs {@code task} when the page is going away ({@code pagehide}), to say goodbye. */
    void onLeave(Runnable task);

    /** One tab's end of a channel. */
    interface Channel {
        /** Posts to every other tab; false when the message cannot be copied (a function in it, for example). */
        boolean post(Value message);
    }

    interface Receiver {
        void receive(Value message);
    }

    /** A browser without either: every tab runs its chat alone (today's behaviour of the original). */
    Tabs NONE = new Tabs() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void lead(String name, Runnable granted) {
        }

        @Override
        public Channel join(String name, Receiver receiver) {
            return null;
        }

        @Override
        public void onLeave(Runnable task) {
        }
    };
}
