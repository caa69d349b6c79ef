package org.wcs.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;

/**
 * An in-memory server for timer tests: every request is recorded with its virtual send time and answered on the
 * next turn by {@link #answer} (or held while {@link #hold} is set, to model a slow server).
 */
public final class ScriptedHttp implements Http {
    /** A request and when it was sent. */
    public record Sent(long at, HttpRequest request) {
        public String op() {
            return request.url.substring(request.url.lastIndexOf('/') + 1);
        }
    }

    private final JvmLoop loop;
    public final List<Sent> sent = new ArrayList<>();
    public Function<HttpRequest, HttpResponse> answer;
    public boolean hold;
    private final List<Runnable> held = new ArrayList<>();

    public ScriptedHttp(JvmLoop loop, Function<HttpRequest, HttpResponse> answer) {
        this.loop = loop;
        this.answer = answer;
    }

    @Override
    public Cancellable send(HttpRequest request, Callback callback) {
        sent.add(new Sent((long) loop.now(), request));
        Runnable reply = () -> callback.onResponse(answer.apply(request));
        if (hold) {
            held.add(reply);
        } else {
            loop.schedule(0, reply);
        }
        return () -> { };
    }

    /** Answers the held requests now. */
    public void release() {
        hold = false;
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        now.forEach(r -> loop.schedule(0, r));
    }

    /** Send times of requests whose URL ends with {@code op}, relative to {@code origin}. */
    public List<Long> times(String op, double origin) {
        List<Long> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.op().equals(op)) {
                out.add(s.at - (long) origin);
            }
        }
        return out;
    }
}
