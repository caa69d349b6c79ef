package org.wcs.transport.nexus;

import org.wcs.transport.ChatItems;
import org.wcs.transport.Reply;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * One read's messages on their way to the page (spec 6): new ones only (by sanitized index, across the session),
 * ordered (server order for live reads, ascending for a restore page, descending for a history page, which the UI
 * prepends), converted, with image attachments inlined. The batch is published when its last image download has
 * finished, whether it worked or not: a failed download keeps the absolute URL and never holds the batch (quirk 5).
 */
final class Batch {
    static final int LIVE = 0, RESTORE = 1, HISTORY = 2;

    final int kind;
    final int session;
    final int generation;
    final Value response;
    final Reply reply;
    final Value messages = Values.array();
    final Value originals = Values.array();
    /** The server said the chat is over (live reads only). */
    final boolean ended;
    private int pending = 1;
    private final NexusTransport transport;

    Batch(NexusTransport transport, int kind, Value response, Reply reply) {
        this.transport = transport;
        this.kind = kind;
        this.session = transport.session;
        this.generation = transport.listener.generation();
        this.response = response;
        this.reply = reply;
        Value data = response.get("data");
        Value ended = data.get("chatEnded");
        this.ended = kind == LIVE && (ended.truthy() && (ended.isBoolean() || ended.num() == 1));
        Value list = data.get("messages");
        Value[] page = new Value[list.length()];
        int n = 0;
        for (int i = 0; i < page.length; i++) {
            Value w = list.at(i);
            Value index = w.get("index");
            if (w.isRecord() && (index.isString() || index.isNumber())) {
                String key = key(w.set("index", Values.text(index)));
                int at = n++;
                // live reads keep the server's order; pages are sorted (insertion sort: they come nearly sorted)
                while (kind != LIVE && at > 0 && compare(key(page[at - 1]), key) > 0) {
                    page[at] = page[at - 1];
                    at--;
                }
                page[at] = w;
            }
        }
        if (kind != LIVE) {
            transport.position.pageStart(n > 0 ? page[0].get("index").str() : null, kind == HISTORY);
        }
        for (int i = 0; i < n; i++) {
            Value w = page[kind == HISTORY ? n - 1 - i : i];
            String raw = w.get("index").str();
            if (transport.position.firstSight(raw, key(w), kind != HISTORY)) {
                messages.push(convert(w));
                originals.push(w);
            }
        }
        done();
    }

    /** A download finished (or the conversion did): publishes when nothing is pending. */
    void done() {
        if (--pending == 0) {
            transport.answers.published(this);
        }
    }

    private Value convert(Value w) {
        Value m = Values.assign(Values.object(), w);
        Value from = w.get("from");
        String fromType = from.get("type").str("");
        Value name = from.get("nickname").truthy() ? from.get("nickname") : from.get("firstName");
        Value id = from.get("participantId");
        String type = w.get("type").str("");
        String role = fromType.equals("Customer") ? ChatItems.CLIENT : fromType;
        // iTempIndex too: the original set it on the wire message before copying it, and left it on the copy
        m.set("index", key(w)).set("iTempIndex", key(w)).set("timestamp", w.get("utcTime"))
                .set("type", type.equals("Text") ? ChatItems.MESSAGE : type)
                .set("from", Values.object().set("name", name).set("type", role).set("participantId", id).set("id", id));
        if (type.equals(ChatItems.PUSH_URL) && w.get("url").isString()) {
            m.set("text", w.get("url"));
        }
        if (from.isRecord()) {
            // the original rewrote the raw sender in place too; RichMediaBridge reads it
            from.set("name", name).set("id", id).set("type", m.get("from").get("type"));
        }
        Value content = w.get("content");
        for (int i = 0; i < content.length(); i++) {
            Value part = content.at(i);
            String url = part.get("url").str();
            if (part.get("mime").isString() && url != null) {
                part.set("url", transport.config.chat + url);
                if ("image".equals(part.get("type").str())) {
                    pending++;
                    transport.download(part, this);
                }
            }
        }
        return m;
    }

    private static String key(Value w) {
        return key(w.get("index").str());
    }

    /** The sanitized index: the raw one without its first {@code -} (spec 3.6). */
    static String key(String raw) {
        int dash = raw.indexOf("-");
        return dash < 0 ? raw : raw.substring(0, dash) + raw.substring(dash + 1);
    }

    /**
     * Orders sanitized indexes: shorter first, then as text. For the decimal indexes Nexus uses this is numeric
     * order (the original subtracted them, which fails past 2^53); for anything else it is at least a total order.
     */
    static int compare(String a, String b) {
        return a.length() != b.length() ? a.length() - b.length() : a.compareTo(b);
    }
}
