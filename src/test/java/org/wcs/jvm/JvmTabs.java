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
 * channels, its timers never fire, its HTTP answers never arrive, its sockets close.
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

    private record Waiter(Tab tab, Runnable granted) {
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
        public void lead(String name, Runnable granted) {
            Deque<Waiter> line = locks.computeIfAbsent(name, k -> new ArrayDeque<>());
            line.addLast(new Waiter(this, granted));
            if (line.size() == 1) {
                grantNext(line);
            }
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
            loop.schedule(0, () -> {
                if (!closed) {
                    task.run();
                }
            });
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
                    return loop.schedule((int) delay, () -> {
                        if (!closed) {
                            task.run();
                        }
                    });
                }
            };
        }

        Http http(Http inner) {
            return (request, callback) -> inner.send(request, (HttpResponse r) -> {
                if (!closed) {
                    callback.onResponse(r);
                }
            });
        }

        WebSockets webSockets(WebSockets inner) {
            return (url, listener) -> {
                WebSockets.Socket s = inner.open(url, new GatedListener(listener) {
                    @Override
                    boolean shut() {
                        return closed;
                    }
                });
                sockets.add(s);
                return s;
            };
        }
    }

    private void grantNext(Deque<Waiter> line) {
        Waiter next = line.peekFirst();
        if (next != null) {
            next.tab.later(next.granted);
        }
    }
}
