package org.wcs.jvm;

import java.util.ArrayList;
import java.util.List;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;

/**
 * An in-memory server where the test answers every request itself, whenever it likes: for long-polling, where a
 * request may stay open for a long time, on the virtual clock. Requests are recorded with their send time and stay
 * open until {@link #answer}ed; an aborted one is answered with status 0 on the next turn, as XMLHttpRequest does.
 * Request timeouts are not played: a test that wants one answers status 0 at that time.
 */
public final class HeldHttp implements Http {
    /** A request, when it was sent, and whether it is still open. */
    public static final class Sent {
        public final long at;
        public final HttpRequest request;
        private final Callback callback;
        boolean open = true;

        Sent(long at, HttpRequest request, Callback callback) {
            this.at = at;
            this.request = request;
            this.callback = callback;
        }

        public String url() {
            return request.url;
        }

        public boolean isOpen() {
            return open;
        }

        @Override
        public String toString() {
            return at + " " + request.url + " " + request.body;
        }
    }

    private final JvmLoop loop;
    public final List<Sent> sent = new ArrayList<>();

    public HeldHttp(JvmLoop loop) {
        this.loop = loop;
    }

    @Override
    public Cancellable send(HttpRequest request, Callback callback) {
        Sent s = new Sent((long) loop.now(), request, callback);
        sent.add(s);
        return () -> answer(s, 0, "");
    }

    /** Answers on the next turn of the loop; a request already answered is left alone. */
    public void answer(Sent s, int status, String body) {
        if (!s.open) {
            return;
        }
        s.open = false;
        loop.schedule(0, () -> s.callback.onResponse(new HttpResponse(status, body, "application/json", false)));
    }

    /** The page that sent the open requests is gone (a reload): they are never answered. */
    public void forgetOpen() {
        for (Sent s : sent) {
            s.open = false;
        }
    }

    /** The open requests whose URL ends with {@code suffix}, oldest first. */
    public List<Sent> open(String suffix) {
        List<Sent> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.open && s.request.url.endsWith(suffix)) {
                out.add(s);
            }
        }
        return out;
    }

    /** All requests (open or not) whose URL ends with {@code suffix}. */
    public List<Sent> all(String suffix) {
        List<Sent> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.request.url.endsWith(suffix)) {
                out.add(s);
            }
        }
        return out;
    }
}
