package org.wcs.jvm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpResponse;
import org.wcs.platform.Scheduler;
import org.wcs.platform.Tabs;
import org.wcs.platform.WebSockets;
import org.wcs.value.Values;

/**
 * One browser profile on the JVM with several tabs of a site: one event loop (the test's), shared cookies and
 * storage, Web Locks (a queue per name: the holder until its tab closes, then the next in line) and broadcast
 * channels (a message reaches every other member on a later turn, copied as {@code postMessage} copies: through
 * JSON). Closing a tab is what the browser does to a closed page: its lock goes to the next tab, it leaves its
 * channels, its timers never fire, its HTTP answers never arrive, its sockets close. Freezing a tab
 * ({@link Tab#freeze}) is what Chrome does to a background page, with the lease of a plain http page standing in for
 * Web Locks: nothing of it runs until it resumes, and a lock it held passes to the next tab after
 * {@link #LEASE_LAPSE_MS}; the frozen tab learns it on resume.
 */
public final class JvmTabs {
    public final JvmLoop loop = new JvmLoop();
    public final JvmCookies cookies = new JvmCookies();
    public final JvmStorage storage = new JvmStorage();
    private final Map<String, Deque<Waiter>> locks = new HashMap<>();
    private final Map<String, List<Member>> channels = new HashMap<>();
    /** Whether tabs can share at all: false plays a browser without Web Locks and BroadcastChannel. */
    public boolean available = true;
    private int count;

    /** How long a frozen holder keeps the lease before the next tab in line has it (the browser's: 1.2-1.6 s). */
    public static final int LEASE_LAPSE_MS = 1600;

    private record Waiter(Tab tab, Tabs.Leader leader) {
    }

    private record Member(Tab tab, Tabs.Receiver receiver) {
    }

    /** Opens a new tab (its page is loaded by the test, e.g. with a TestPage). */
    public Tab open() {
        Tab t = new Tab();
        opened.add(t);
        return t;
    }

    /** The tabs opened so far, in order (closed ones too). */
    public final List<Tab> opened = new ArrayList<>();

    /** Every message a tab posted on a channel, as JSON, in order: what the tabs cost each other. */
    public final List<String> posted = new ArrayList<>();

    /** One tab: its {@link JvmPlatform} and its side of the locks and channels. */
    public final class Tab implements Tabs {
        public final JvmPlatform platform;
        private boolean closed;
        /**
         * Plays a hidden tab's timers held back by the browser (Chrome after five minutes hidden: 60000): each timer
         * with a delay fires at the next multiple of this many ms instead; 0 (the default): on time.
         */
        public long throttleMs;
        private final List<Runnable> leaving = new ArrayList<>();
        private final List<WebSockets.Socket> sockets = new ArrayList<>();
        private boolean frozen;
        /** What came for this tab while it was frozen (timers, messages, answers, socket events), in order. */
        private final List<Runnable> held = new ArrayList<>();
        /** The locks this tab lost while frozen: their {@code lost} runs after it resumes. */
        private final List<Tabs.Leader> lostWhileFrozen = new ArrayList<>();
        /** How many times this tab was granted a lock, and lost one. */
        public int grants, losses;
        /** The sockets this tab opened, and the frames it sent on them: with its HTTP requests, what it said. */
        public int socketsOpened, socketSends;

        Tab() {
            platform = new JvmPlatform(loop, cookies, storage, null, this);
            platform.nextRandom = 0.5 + 0.001 * ++count; // tabs tell each other apart by a random id
        }

        public boolean closed() {
            return closed;
        }

        /** Closes the tab as the browser does (pagehide first, then nothing of it runs again). */
        public void close() {
            if (closed) {
                return;
            }
            for (Runnable r : leaving) {
                r.run();
            }
            closed = true;
            for (List<Member> members : channels.values()) {
                members.removeIf(m -> m.tab == this);
            }
            for (Map.Entry<String, Deque<Waiter>> e : locks.entrySet()) {
                Deque<Waiter> line = e.getValue();
                boolean held = !line.isEmpty() && line.peekFirst().tab == this;
                line.removeIf(w -> w.tab == this);
                if (held) {
                    grantNext(line);
                }
            }
            for (WebSockets.Socket s : sockets) {
                s.close(1001, "tab closed");
            }
        }

        /**
         * Freezes the tab, as Chrome freezes a background page: none of its timers, channel messages, HTTP answers or
         * socket events runs until {@link #resume}; after {@link #LEASE_LAPSE_MS} frozen, a lock it holds passes to
         * the next tab in line (the lease's take-over of a silent holder) and this tab waits in line again.
         */
        public void freeze() {
            frozen = true;
            loop.schedule(LEASE_LAPSE_MS, () -> {
                if (!frozen || closed) {
                    return;
                }
                for (Deque<Waiter> line : locks.values()) {
                    Waiter head = line.peekFirst();
                    if (head != null && head.tab == this && line.size() > 1) {
                        line.pollFirst();
                        line.addLast(head); // back in line, as a lease holder that gives up
                        lostWhileFrozen.add(head.leader);
                        grantNext(line);
                    }
                }
            });
        }

        /**
         * The page resumes: what was held runs in the order it came, each on its own turn, and only then does the tab
         * hear that it lost its lock (the worst order: a timer or message first, before the lease's next look).
         */
        public void resume() {
            frozen = false;
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            for (Runnable r : now) {
                later(r);
            }
            for (Tabs.Leader l : lostWhileFrozen) {
                later(() -> {
                    losses++;
                    l.lost();
                });
            }
            lostWhileFrozen.clear();
        }

        public boolean frozen() {
            return frozen;
        }

        /** Runs {@code task} now, or after the tab resumes when it is frozen; never when it is closed. */
        private void run(Runnable task) {
            if (closed) {
                return;
            }
            if (frozen) {
                held.add(task);
            } else {
                task.run();
            }
        }

        /** Whether this tab holds the lock {@code name}. */
        public boolean leads(String name) {
            Deque<Waiter> line = locks.get(name);
            return line != null && !line.isEmpty() && line.peekFirst().tab == this;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public void lead(String name, Leader leader) {
            Deque<Waiter> line = locks.computeIfAbsent(name, k -> new ArrayDeque<>());
            line.addLast(new Waiter(this, leader));
            if (line.size() == 1) {
                grantNext(line);
            }
        }

        /** Whether this tab holds the lock: false once another took it over while this one was frozen. */
        @Override
        public boolean holds(String name) {
            return leads(name);
        }

        @Override
        public Channel join(String name, Receiver receiver) {
            List<Member> members = channels.computeIfAbsent(name, k -> new ArrayList<>());
            members.add(new Member(this, receiver));
            return message -> {
                if (closed) {
                    return true;
                }
                String copy = Values.stringify(message);
                if (copy == null) {
                    return false;
                }
                posted.add(copy);
                for (Member m : List.copyOf(members)) {
                    if (m.tab != this) {
                        m.tab.later(() -> m.receiver.receive(Values.parse(copy)));
                    }
                }
                return true;
            };
        }

        @Override
        public void onLeave(Runnable task) {
            leaving.add(task);
        }

        private void later(Runnable task) {
            loop.schedule(0, () -> run(task));
        }

        Scheduler scheduler(JvmLoop loop) {
            return new Scheduler() {
                @Override
                public double now() {
                    return loop.now();
                }

                @Override
                public Cancellable schedule(int delayMs, Runnable task) {
                    long delay = delayMs;
                    if (throttleMs > 0 && delayMs > 0) {
                        long now = (long) loop.now();
                        delay = (now + delayMs + throttleMs - 1) / throttleMs * throttleMs - now;
                    }
                    return loop.schedule((int) delay, () -> run(task));
                }
            };
        }

        Http http(Http inner) {
            return (request, callback) -> inner.send(request, (HttpResponse r) -> run(() -> callback.onResponse(r)));
        }

        WebSockets webSockets(WebSockets inner) {
            return (url, listener) -> {
                WebSockets.Socket s = inner.open(url, new WebSockets.Listener() {
                    @Override
                    public void onOpen() {
                        run(() -> listener.onOpen());
                    }

                    @Override
                    public void onMessage(String text) {
                        run(() -> listener.onMessage(text));
                    }

                    @Override
                    public void onClose(int code, String reason) {
                        run(() -> listener.onClose(code, reason));
                    }
                });
                sockets.add(s);
                socketsOpened++;
                return new WebSockets.Socket() {
                    @Override
                    public void send(String text) {
                        socketSends++;
                        s.send(text);
                    }

                    @Override
                    public void close(int code, String reason) {
                        s.close(code, reason);
                    }
                };
            };
        }
    }

    private void grantNext(Deque<Waiter> line) {
        Waiter next = line.peekFirst();
        if (next != null) {
            next.tab.later(() -> {
                if (line.peekFirst() == next) {
                    next.tab.grants++;
                    next.leader.granted();
                }
            });
        }
    }
}
