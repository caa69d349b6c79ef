package org.wcs.transport.nexus;

import org.wcs.platform.HttpResponse;
import org.wcs.transport.Base64;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ChatItems;
import org.wcs.transport.RestoreOutcome;
import org.wcs.transport.TransportListener;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * What the transport does with each answer and timer (spec 4, 8, 9, 11): successes carry the session on, failures
 * are mapped to disconnection, a lost session, a failed restore or an {@code error}, and batches of messages are
 * published. An answer for a session that has since ended settles its call and changes nothing else.
 */
final class Answers {

    private final NexusTransport t;
    private final TransportListener listener;

    Answers(NexusTransport transport) {
        this.t = transport;
        this.listener = transport.listener;
    }

    /** A new session: nobody typing. */
    void reset() {
    }

    /** An answer to a request ({@code r}), or a timer ({@code r} null). */
    void answer(Call c, HttpResponse r) {
        int kind = c.kind;
        if (r == null) {
            if (kind == Call.CAPABILITIES) {
                listener.capabilities(Values.object().set("async", t.config.async).set("asyncClose", "endChat")
                        .set("pagination", t.config.async).set("fileUpload", true));
            }
            return;
        }
        if (kind == Call.IMAGE) {
            if (r.ok()) {
                c.subject.set("url", "data:" + c.subject.get("mime").str() + ";base64," + Base64.encode(r.body));
            }
            c.batch.done();
            return;
        }
        Value json = Values.object();
        boolean ok = r.ok();
        if (!r.body.isEmpty()) {
            json = Values.parseOr(r.body, null);
            if (json == null) {
                json = Values.undefined();
                ok &= kind == Call.UPLOAD; // an upload answers text
            }
        }
        Value data = json.get("data");
        if (kind == Call.END) {
            if (t.store != null) {
                t.store.delete(Values.object().set("sessionData", c.subject).set("response", r.xhr(json)));
            }
            if (r.ok()) {
                c.reply.ok(json);
            } else {
                c.reply.fail(r.xhr(json));
            }
            return;
        }
        // a step of an earlier session or chat generation: a late create must not take over a restore, a late read
        // must not move this one's position; sends, user data and uploads still settle with what the server said
        if ((kind == Call.CREATE || kind >= Call.RESUME) && !current(c)) {
            if (c.reply != null) {
                c.reply.fail(Values.undefined());
            }
            return;
        }
        // a new session needs a token that names it; a read needs its data object
        if (!(ok && (kind == Call.CREATE || kind == Call.RESUME ? t.adopt(Jwt.claims(data.get("clientToken")))
                : kind < Call.RESUME || data.isRecord()))) {
            failed(c, r, json);
            return;
        }
        switch (kind) {
            case Call.CREATE:
                t.persist();
                listener.started(Values.object().set("data", t.claims));
                t.poller.start();
                listener.exchanged(json);
                c.reply.ok(json);
                return;
            case Call.RESUME:
                t.persist();
                listener.sessionData(t.claims);
                t.readPage(c.reply);
                return;
            case Call.SEND:
                Value flag = json.get("chatEnded");
                if (current(c) && flag.truthy() && (flag.isBoolean() || flag.num() == 1)) {
                    serverEnded(json);
                }
                c.reply.ok(json);
                return;
            case Call.UPLOAD:
                c.reply.ok(Values.of(r.body));
                return;
            case Call.POLL:
                t.poller.succeeded();
                new Batch(t, Batch.LIVE, json, null);
                return;
            case Call.RESTORE:
            case Call.HISTORY:
                new Batch(t, kind == Call.RESTORE ? Batch.RESTORE : Batch.HISTORY, json, c.reply);
                return;
            default: // USER_DATA
                c.reply.ok(json);
        }
    }

    /**
     * A failed request (spec 11). 404 or INVALID_SESSION for a known session, or 401 while restoring, means the
     * session is gone: it is forgotten (store included) with {@code sessionLost} and {@code error}. A failed restore
     * publishes {@code restoreFailed}. A failed live read counts towards an outage ({@link Poller#failed}) and the next
     * one backs off. Anything else is an {@code error}, except: for user data (as in the original), for a read that
     * got no answer at all (no answer or a timeout: the outage status says it), and for anything once the outage is
     * past {@code pollExceptionLimit} (disconnected). The caller's reply fails with the jqXHR-like answer.
     */
    private void failed(Call c, HttpResponse r, Value json) {
        int kind = c.kind;
        Value xhr = r.xhr(json);
        Value error = Values.object().set("errors", Values.array().push(Wire.error(r, json)));
        boolean restoring = kind == Call.RESUME || kind == Call.RESTORE;
        if (t.claims != null && c.session == t.session && (r.status == 404
                || Wire.code(json).equals("INVALID_SESSION") || r.status == 401 && restoring)) {
            Value gone = Values.object().set("sessionData", t.claims).set("response", xhr);
            t.forget();
            if (t.store != null) {
                t.store.delete(gone);
            }
            listener.restoreOutcome(RestoreOutcome.SESSION_LOST, xhr);
            listener.error(error);
        } else {
            if (kind == Call.POLL) {
                t.poller.failed(r);
            } else if (kind == Call.HISTORY) {
                t.poller.resume();
            }
            if (restoring) {
                t.forget();
                listener.restoreOutcome(RestoreOutcome.FAILED, xhr);
            }
            if (kind != Call.USER_DATA && !(kind == Call.POLL && r.status == 0) && !t.poller.disconnected()) {
                listener.error(error);
            }
            if (kind == Call.POLL) {
                t.poller.next();
            }
        }
        if (c.reply != null) {
            c.reply.fail(kind == Call.RESUME && r.ok() ? Values.of(NexusTexts.CANNOT_START_ASYNC) : xhr);
        }
    }

    /** Whether a step belongs to the current session and chat generation. */
    private boolean current(Call c) {
        return c.session == t.session && c.generation == listener.generation();
    }

    /** A batch is ready: publish it, tell the store, then carry on as its kind requires. */
    void published(Batch b) {
        if (b.session != t.session || b.generation != listener.generation()) {
            if (b.reply != null) {
                b.reply.fail(Values.undefined());
            }
            return;
        }
        if (b.kind == Batch.RESTORE) {
            listener.restoreOutcome(RestoreOutcome.RESTORED, Values.object().set("async", t.config.async));
        }
        Value m = b.messages;
        if (m.length() > 0) {
            listener.batch(m, b.originals, b.kind == Batch.RESTORE ? BatchKind.RESTORED
                    : b.kind == Batch.HISTORY ? BatchKind.HISTORY : BatchKind.LIVE, Values.undefined());
        }
        if (t.store != null && t.position.moved()) {
            t.store.save(t.position.index(), t.token);
        }
        if (b.kind == Batch.LIVE) {
            if (b.ended) {
                serverEnded(b.response);
            } else {
                t.poller.next();
            }
            return;
        }
        if (b.kind == Batch.RESTORE) {
            t.poller.start();
        } else {
            t.poller.resume();
        }
        b.reply.ok(b.response);
    }

    /** The server ended the chat: it is forgotten, here and in the store, and reported as ended (quirk 1). */
    private void serverEnded(Value response) {
        Value data = Values.object().set("sessionData", t.claims).set("response", response);
        t.forget();
        if (t.store != null) {
            t.store.delete(data);
        }
        listener.ended();
    }

}
