package org.wcs.transport.pureconnect;

import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.Reply;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * One request of a PureConnect transport, carried across the host pool (spec 3.2): a 503 tries the next host, and so
 * does any failure of a start; the answer then goes to the transport that made the call. One class for every kind
 * keeps the bundle small; the transports tell kinds apart by {@link #kind}.
 */
final class Call implements Http.Callback {
    /** The transport side of a call. */
    interface Owner {
        /** The URL of {@code path} on {@code host}. */
        String url(String host, String path);

        /** Headers beyond {@code Content-Type} (the chatbots' {@code transport.headers}), or undefined. */
        Value headers();

        /** A 2xx with a JSON body, or a 204 ({@code json} then undefined). */
        void succeeded(Call c, Value json);

        /** No host left to try, or a failure that is not tried elsewhere. */
        void failed(Call c, HttpResponse r, Value json);
    }

    final Owner owner;
    final int kind;
    final Reply reply;
    /** The transport's session counter and the service's chat generation when the call was made. */
    final int session;
    final int generation;
    private final Http http;
    private final Hosts hosts;
    private final int timeoutMs;
    private final String method;
    private final String path;
    private final String body;
    private final boolean retryAnyFailure;
    private final String[] tried;
    private int triedCount;
    /** The host of the request in flight. */
    String host;

    Call(Owner owner, Http http, Hosts hosts, int timeoutMs, int kind, String method, String path, Value body,
            boolean retryAnyFailure, Reply reply, int session, int generation) {
        this.owner = owner;
        this.http = http;
        this.hosts = hosts;
        this.timeoutMs = timeoutMs;
        this.kind = kind;
        this.method = method;
        this.path = path;
        this.body = body.isUndefined() ? null : Values.stringify(body);
        this.retryAnyFailure = retryAnyFailure;
        this.reply = reply;
        this.session = session;
        this.generation = generation;
        this.tried = new String[hosts.size() + 1];
    }

    /** Sends to the next host; with none left, fails with {@code last} (a status-0 answer when nothing was tried). */
    void send(HttpResponse last, Value lastJson) {
        host = triedCount < tried.length ? hosts.next(tried, triedCount) : null;
        if (host == null) {
            owner.failed(this, last == null ? new HttpResponse(0, "", "", false) : last,
                    lastJson == null ? Values.object() : lastJson);
            return;
        }
        tried[triedCount++] = host;
        HttpRequest r = new HttpRequest(method, owner.url(host, path)).timeout(timeoutMs);
        // jQuery with an explicit contentType sends it on every request, GETs and empty POSTs included (spec 3.1)
        r.header("Content-Type", "application/json");
        Value h = owner.headers();
        for (String name : h.isRecord() ? h.keys() : new String[0]) {
            Value v = h.get(name);
            if (v.isString() || v.isNumber() || v.isBoolean()) {
                r.header(name, Values.text(v));
            }
        }
        r.body = body;
        http.send(r, this);
    }

    @Override
    public void onResponse(HttpResponse r) {
        Value json = Values.undefined();
        boolean parsed = false;
        if (!r.body.isEmpty()) {
            try {
                json = Values.parse(r.body);
                parsed = true;
            } catch (JsError e) {
                json = Values.undefined();
            }
        }
        // as jQuery's dataType "json": a 204 is a success without data, a 2xx must carry JSON (spec 3.1)
        if (r.ok() && (parsed || r.status == 204)) {
            hosts.current = host;
            owner.succeeded(this, json);
            return;
        }
        Value body = parsed ? json : Values.object();
        if (r.status == 503) {
            hosts.unavailable(host, body);
            send(r, body);
        } else if (retryAnyFailure) {
            send(r, body);
        } else {
            owner.failed(this, r, body);
        }
    }

    /**
     * The {@code error} event of a failure (spec 11.1): {@code {errors: [{code, response}]}}, the code
     * {@code <transport type>-<status>} when the answer's body names a truthy {@code status}, else "".
     */
    static Value error(String type, HttpResponse r, Value json) {
        Value status = json.get("status");
        return Values.object().set("errors", Values.array().push(Values.object()
                .set("code", status.truthy() ? type + "-" + Values.text(status) : "").set("response", r.xhr(json))));
    }
}
