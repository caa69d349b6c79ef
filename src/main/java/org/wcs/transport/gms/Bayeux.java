package org.wcs.transport.gms;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.Backoff;
import org.wcs.transport.Reply;
import org.wcs.transport.TransportContext;
import org.wcs.util.Arr;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A minimal Bayeux 1.0 client over long-polling, the CometD wire of spec gms-v2 §13.1-13.2: each request is an XHR
 * POST of a JSON message array ({@code /handshake}, {@code /connect}, {@code /disconnect} appended to the URL, publishes
 * to {@code url + "/"}), with credentials and no {@code apikey}. After the handshake one {@code /meta/connect} is
 * always held at the server, which answers it with whatever it has for us; a connect made while the link is not known
 * to work (the first one, or the one after a failure) asks not to be held, so a recovery is seen at once. Messages on the service channel that carry
 * {@code data} are pushes for {@link GmsComet}; publish acknowledgements settle their call.
 *
 * <p>Reconnection: a failed request (no answer, an HTTP error, a body that is not a message array, or
 * {@code successful:false}) is retried after {@code advice.interval} plus the shared {@link Backoff} (from 1000 ms,
 * doubling per failure since the last good connect, capped at {@code webchat.backoffMax}, full jitter) instead of
 * the CometD library's 1, 2, 3 ... s up to 60 s: the spec prescribes no cadence for these retries, and a jittered
 * one keeps the pages of one outage from coming back in step. A connect the server refuses with
 * {@code 402::Unknown client} or {@code reconnect:"handshake"} handshakes again, at once the first time; {@code reconnect:"none"} or a
 * {@code /meta/disconnect} we did not ask for means the server dropped us ({@link GmsComet#dropped}), and we handshake
 * again the same way.
 */
final class Bayeux implements Runnable {
    static final int HANDSHAKE = 0, CONNECT = 1, PUBLISH = 2, DISCONNECT = 3;
    /** The first retry's ceiling; the back-off doubles it per failure. */
    static final int BACKOFF_MS = 1000;
    /** How much longer than the server's hold a connect may take before it counts as lost (CometD's default). */
    static final int NETWORK_DELAY_MS = 10000;

    private final GmsComet comet;
    private final TransportContext context;
    final String url;
    final String channel;
    /** Null until a handshake succeeds. */
    private String clientId;
    private boolean open;
    /** Bumped on close: answers to requests of an earlier connection are ignored. */
    private int epoch;
    private int ids;
    /** Failed handshakes and connects since the last good connect, and the wait before the next try. */
    final Backoff backoff;
    /** Server advice: pause between connects, and how long the server may hold one. */
    private int interval;
    private int hold = 60000;
    /** The last connect succeeded; until one does, connects ask not to be held, so the link is known at once. */
    private boolean connected;
    /** Publishes waiting for a handshake. */
    private final Arr<Call> waiting = new Arr<>();
    private Cancellable timer;
    private Cancellable connecting;

    Bayeux(GmsComet comet, TransportContext context, String url, String channel) {
        this.comet = comet;
        this.context = context;
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.channel = channel;
        this.backoff = new Backoff(context.platform.random, BACKOFF_MS, Backoff.cap(context));
    }

    /** Failed handshakes and connects since the last good connect. */
    int failures() {
        return backoff.failures();
    }

    /** Publishes {@code data} on the service channel, handshaking first when needed; the ack goes to the comet. */
    void publish(Value data, int kind, Reply reply) {
        Call c = new Call(this, PUBLISH, kind, reply, message(channel).set("data", data));
        c.generation = context.listener.generation();
        if (clientId != null) {
            send(c);
            return;
        }
        waiting.add(c);
        if (!open) {
            open = true;
            handshake();
        }
    }

    /** Whether we hold a client id (handshaken, and not dropped since). */
    boolean handshaken() {
        return clientId != null;
    }

    /**
     * Stops: no more connects, a {@code /meta/disconnect} if we were connected and {@code bye}, waiting publishes
     * fail.
     */
    void close(boolean bye) {
        if (!open) {
            return;
        }
        open = false;
        epoch++;
        if (timer != null) {
            timer.cancel();
        }
        if (connecting != null) {
            connecting.cancel();
        }
        if (clientId != null && bye) {
            send(new Call(this, DISCONNECT, 0, null, message("/meta/disconnect")));
        }
        clientId = null;
        Arr<Call> failed = waiting.copy();
        waiting.clear();
        for (int i = 0; i < failed.size(); i++) {
            Call c = failed.get(i);
            comet.acked(c.kind, c.reply, false, Values.of(GmsTexts.COMETD_FAILED), c.generation);
        }
    }

    private Value message(String to) {
        return Values.object().set("channel", to).set("id", Values.numberToString(++ids));
    }

    private void handshake() {
        Value m = Values.parse("{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"minimumVersion\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"],\"advice\":{\"timeout\":60000,\"interval\":0}}");
        send(new Call(this, HANDSHAKE, 0, null, m.set("id", Values.numberToString(++ids))));
    }

    private void connect() {
        Value m = message("/meta/connect").set("connectionType", "long-polling");
        if (!connected) {
            m.set("advice", Values.object().set("timeout", 0));
        }
        send(new Call(this, CONNECT, 0, null, m));
    }

    private void send(Call c) {
        if (clientId != null) {
            c.message.set("clientId", clientId);
        }
        c.epoch = epoch;
        String type = c.message.get("channel").str();
        HttpRequest r = new HttpRequest("POST", url + (c.type == PUBLISH ? "/" : type.substring(5)))
                .body("application/json;charset=UTF-8", Values.stringify(Values.array().push(c.message)))
                .credentials(true).timeout(c.type == CONNECT ? hold + NETWORK_DELAY_MS : NETWORK_DELAY_MS);
        String auth = context.listener.header("Authorization");
        if (auth != null) {
            r.header("Authorization", auth);
        }
        Cancellable x = context.platform.http.send(r, c);
        if (c.type == CONNECT) {
            connecting = x;
        }
    }

    /** Runs the next handshake or connect (a timer). */
    @Override
    public void run() {
        timer = null;
        if (!open) {
            return;
        }
        if (clientId == null) {
            handshake();
        } else {
            connect();
        }
    }

    private void later(int ms) {
        timer = context.platform.scheduler.schedule(ms, this);
    }

    void answer(Call c, HttpResponse r) {
        Value batch = Values.undefined();
        if (r.ok()) {
            batch = Values.parseOr(r.body, batch);
        }
        if (!batch.isArray()) {
            batch = Values.array();
        }
        boolean live = open && c.epoch == epoch;
        if (c.type == CONNECT && live) {
            connecting = null;
        }
        // First the answer to this request, so that link state changes before the pushes it brings.
        String id = c.message.get("id").str();
        Value reply = null;
        boolean dropped = false;
        for (int i = 0; i < batch.length(); i++) {
            Value m = batch.at(i);
            if (id.equals(m.get("id").str()) && !m.has("data")) {
                reply = m;
            } else if ("/meta/disconnect".equals(m.get("channel").str())) {
                dropped = c.type != DISCONNECT;
            }
        }
        boolean ok = reply != null && reply.get("successful").truthy();
        if (c.type == PUBLISH) {
            comet.acked(c.kind, c.reply, ok, reply == null ? Values.object().set("status", r.status) : reply,
                    c.generation);
        } else if (live && c.type != DISCONNECT) {
            linked(c, reply, ok, dropped);
        }
        for (int i = 0; i < batch.length() && open && c.epoch == epoch; i++) {
            Value m = batch.at(i);
            if (channel.equals(m.get("channel").str()) && m.has("data")) {
                comet.pushed(m.get("data"));
            }
        }
    }

    /** The outcome of a handshake or connect: the next request, and what the comet learns. */
    private void linked(Call c, Value reply, boolean ok, boolean dropped) {
        Value advice = reply == null ? Values.undefined() : reply.get("advice");
        interval = context.number(advice, "interval", interval);
        hold = context.number(advice, "timeout", hold);
        String reconnect = advice.get("reconnect").str("retry");
        connected = ok && !dropped && c.type == CONNECT;
        if (ok && !dropped) {
            if (c.type == HANDSHAKE) {
                clientId = reply.get("clientId").str("");
                Arr<Call> queued = waiting.copy();
                waiting.clear();
                for (int i = 0; i < queued.size(); i++) {
                    send(queued.get(i));
                }
                connect();
                comet.handshaken();
            } else {
                backoff.reset();
                later(interval);
                comet.connected();
            }
            return;
        }
        // Only a good connect resets the count, so a server that keeps forgetting us is not asked in a tight loop.
        int wait = backoff.fail(0);
        boolean forgotten = c.type == CONNECT && (reconnect.equals("handshake")
                || reply != null && reply.get("error").str("").startsWith("402"));
        if (dropped || forgotten || reconnect.equals("none") && c.type == CONNECT) {
            clientId = null;
            later(interval + (backoff.failures() == 1 ? 0 : wait)); // the first new handshake goes at once
            if (!forgotten) {
                comet.dropped();
            }
        } else {
            later(interval + wait);
            comet.failed();
        }
    }

    /** One request of this client and what it is for; the HTTP callback of all of them. */
    static final class Call implements Http.Callback {
        private final Bayeux bayeux;
        final int type;
        /** For publishes: the GMS call kind, and the reply to settle on its ack. */
        final int kind;
        final Reply reply;
        final Value message;
        int epoch;
        /** For publishes: the chat generation it was sent for. */
        int generation;

        Call(Bayeux bayeux, int type, int kind, Reply reply, Value message) {
            this.bayeux = bayeux;
            this.type = type;
            this.kind = kind;
            this.reply = reply;
            this.message = message;
        }

        @Override
        public void onResponse(HttpResponse response) {
            bayeux.answer(this, response);
        }
    }
}
