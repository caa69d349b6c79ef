package org.wcs.service;

import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The session's messages as published (converted and original, aligned by index) and its participants. When a chat
 * ends, as in the original, its messages stay as an archive ({@code getTranscript} answers with them until
 * {@link #reset}: next start, or the WebChat window closing) while the agents and the statistics are emptied.
 */
final class Transcript {
    Value messages = Values.array();
    Value originals = Values.array();
    /** {@code {<participant id>: {name, connected, supervisor, connectedTime, disconnectedTime}}}. */
    Value agents = Values.object();
    /** The messages are an ended chat's archive: they count for no statistics. */
    private boolean archived;

    void reset() {
        messages = Values.array();
        originals = Values.array();
        agents = Values.object();
        archived = false;
    }

    /** The chat ended: its messages become the archive, its agents are forgotten. */
    void end() {
        agents = Values.object();
        archived = true;
    }

    void add(Value message, Value original) {
        messages.push(message);
        originals.push(original);
    }

    /**
     * Puts an older page (history) in front of what is there. History pages come newest first, as the UI prepends
     * them one by one, so they are reversed here to keep the transcript oldest first.
     */
    void prepend(Value olderMessages, Value olderOriginals) {
        messages = concat(olderMessages, messages);
        originals = concat(olderOriginals, originals);
    }

    private static Value concat(Value newestFirst, Value b) {
        Value out = Values.array();
        for (int i = newestFirst.length() - 1; i >= 0; i--) {
            out.push(newestFirst.at(i));
        }
        for (int i = 0; i < b.length(); i++) {
            out.push(b.at(i));
        }
        return out;
    }

    Value transcript() {
        return Values.object().set("messages", messages).set("originalMessages", originals);
    }

    /** {@code {agents, startTime, endTime, duration}}: times from the first and last message, false when none. */
    Value stats() {
        int n = archived ? 0 : messages.length();
        Value start = n > 0 ? messages.at(0).get("timestamp") : Values.of(false);
        Value end = n > 0 ? messages.at(n - 1).get("timestamp") : Values.of(false);
        Value duration = start.isNumber() && end.isNumber() ? Values.of(end.num() - start.num()) : Values.of(false);
        return Values.object().set("agents", agents).set("startTime", start).set("endTime", end)
                .set("duration", duration);
    }

    /** Records an agent or supervisor joining ({@code joined}) or leaving, keyed by the sender id. */
    void agent(Value message, boolean joined, boolean supervisor) {
        Value from = message.get("from");
        String key = Values.text(from.get("id"));
        Value entry = agents.get(key);
        Value time = message.get("timestamp");
        if (joined || !entry.isObject()) {
            entry = Values.object().set("name", from.get("name")).set("connected", joined)
                    .set("supervisor", supervisor).set("connectedTime", time).set("disconnectedTime", false);
            agents.set(key, entry);
        }
        if (!joined) {
            entry.set("connected", false).set("disconnectedTime", time);
        }
    }

    int connectedAgents() {
        int n = 0;
        for (String k : agents.keys()) {
            n += agents.get(k).get("connected").truthy() ? 1 : 0;
        }
        return n;
    }
}
