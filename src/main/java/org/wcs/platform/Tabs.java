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
     * Asks for the lock {@code name}: {@link Leader#granted} runs (on a later turn) once this tab holds it. Tabs asking
     * for a held lock wait in line; when the holder goes (closed, crashed, navigated away), the next one gets it. A
     * Web Lock is held until the page goes away. The lease that stands in for it where there are no Web Locks (plain
     * http) can be lost: a holder that was silent past it (a frozen page, a long task) finds another tab's live lease
     * when it looks again; it gives up ({@link Leader#lost}, on a later turn) and waits in line again, so
     * {@code granted} may run again later.
     */
    void lead(String name, Leader leader);

    /**
     * Whether this tab still holds the lock {@code name} as far as can be known now; false before it was granted. The
     * lease looks in its store at once (a page that resumes may run a timer or a message before its next regular
     * look): when another tab took it over, this tab gives it up here, and {@link Leader#lost} follows on a later turn.
     * Cheap enough to ask before every step of the connection (one small {@code localStorage} read with the lease,
     * nothing with Web Locks).
     */
    boolean holds(String name);

    /** What a tab hears about the lock it asked for ({@link #lead}). */
    interface Leader {
        /** This tab holds the lock now. Again after {@link #lost}, when its turn comes again. */
        void granted();

        /**
         * This tab does not hold the lock any more: another tab leads. Never with Web Locks; with the lease, once
         * after a {@code granted} at most.
         */
        void lost();
    }

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
        public void lead(String name, Leader leader) {
        }

        @Override
        public boolean holds(String name) {
            return false;
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
