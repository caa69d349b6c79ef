package org.wcs.tabs;

import org.wcs.transport.ChatItems;
import org.wcs.transport.ConnectionStatus;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * What a tab knows of the chat it shows: its transcript (converted items and the server's originals), the keys of
 * the items it has, and the state a tab that joins late must be given (capabilities, the {@code restored} payload,
 * the connection). The leader answers a joining tab from its log; a tab that takes over the connection starts from its
 * own, and a restore that replays the transcript only adds what the log does not have.
 */
final class ChatLog {
    Value messages = Values.array();
    Value originals = Values.array();
    /**
     * How many items at the front of the log are older pages a tab fetched (history): a tab that joins shows them too,
     * and the back end's next page goes on from the oldest of them; {@link #customerCount} leaves them out (tabs must
     * count alike, whichever pages they saw).
     */
    int older;
    /** The capabilities reported so far (merged), or null when the back end reported none. */
    Value capabilities;
    /** The payload of the chat's {@code restored} event (v3 says whether it is async). */
    Value restoredData = Values.object();
    ConnectionStatus connection = ConnectionStatus.ONLINE;

    void reset() {
        messages = Values.array();
        originals = Values.array();
        older = 0;
        restoredData = Values.object();
        connection = ConnectionStatus.ONLINE;
    }

    /** Adds a batch's items; {@code originals} may be undefined. */
    void add(Value batch, Value rawItems) {
        for (int i = 0; i < batch.length(); i++) {
            messages.push(batch.at(i));
            originals.push(rawItems.isArray() ? rawItems.at(i) : Values.undefined());
        }
    }

    /** Puts a history page (newest first, as it comes) at the front; {@code rawItems} may be undefined. */
    void prepend(Value page, Value rawItems) {
        Value items = Values.array();
        Value raws = Values.array();
        for (int i = page.length() - 1; i >= 0; i--) {
            items.push(page.at(i));
            raws.push(rawItems.isArray() ? rawItems.at(i) : Values.undefined());
        }
        for (int i = 0; i < messages.length(); i++) {
            items.push(messages.at(i));
            raws.push(originals.at(i));
        }
        messages = items;
        originals = raws;
        older += page.length();
    }

    /**
     * How many items of each {@link #key} the log has, as a JS object (constant-time lookups for long transcripts),
     * for {@link #isNew}.
     */
    Value tally() {
        Value counts = Values.object();
        for (int i = 0; i < messages.length(); i++) {
            String k = key(messages.at(i));
            counts.set(k, count(counts, k) + 1);
        }
        return counts;
    }

    /**
     * Whether a restored item is one the log does not have: a restore replays the whole transcript, and each item
     * of the log stands for one replayed item of its key.
     */
    static boolean isNew(Value tally, Value item) {
        String k = key(item);
        double n = count(tally, k);
        if (n > 0) {
            tally.set(k, n - 1);
            return false;
        }
        return true;
    }

    private static double count(Value tally, String key) {
        Value n = tally.get(key);
        return n.isNumber() ? n.num() : 0;
    }

    /**
     * An item's identity across a restore: a message by the server's id where the back end gives one, else by its
     * sender's role and text; a join, leave or notice by its kind and role (a restore may word or time it otherwise
     * than the live item: Genesys Cloud shows the customer's own join live before the server has one).
     */
    static String key(Value item) {
        String type = item.get("type").str("");
        String role = item.get("from").get("type").str("");
        if (!ChatItems.MESSAGE.equals(type)) {
            return type + "|" + role;
        }
        String id = item.get("id").str("");
        return id.isEmpty() ? "m|" + role + "|" + item.get("text").str("") : "i" + id;
    }

    /**
     * How many messages from the customer with {@code text} the log holds. The one rule for whether a send whose
     * answer was lost reached the server: it did when the customer said its text more often than when it was sent
     * (see {@link Outbox}); a count, unlike a position, holds across logs of other tabs and a restore's replay.
     */
    int customerCount(String text) {
        int n = 0;
        for (int i = older; i < messages.length(); i++) {
            Value m = messages.at(i);
            if (text.equals(m.get("text").str()) && ChatItems.CLIENT.equals(m.get("from").get("type").str())) {
                n++;
            }
        }
        return n;
    }

    ChatLog copy() {
        ChatLog c = new ChatLog();
        c.add(messages, originals);
        c.older = older;
        c.capabilities = capabilities;
        c.restoredData = restoredData;
        c.connection = connection;
        return c;
    }
}
