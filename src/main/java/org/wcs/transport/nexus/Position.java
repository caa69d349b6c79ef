package org.wcs.transport.nexus;

import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Where this page stands in one session's transcript: the messages already published (by sanitized index), the
 * newest one seen live (reads after a pause or a failure start there; the store is told its index), and the anchor
 * history pages start from (spec 10). A new session gets a new position.
 */
final class Position {
    /** Sanitized indexes already published. */
    private final Value seen = Values.object();
    /** Raw index of the newest message seen live or restored, and its sanitized form. */
    String lastRaw;
    private String newest;
    /** What the store was last told; the original sent it backwards while paging (quirk 13). */
    private String saved;
    /** Raw index history pages start from, and whether nothing older is left. */
    String anchor;
    boolean exhausted;

    /** The first (oldest) index of a restore or history page; null for an empty history page. */
    void pageStart(String firstRaw, boolean history) {
        if (!history) {
            if (anchor == null) { // a take-over set it: the oldest message its tab shows
                anchor = firstRaw;
            }
        } else if (firstRaw == null || Batch.compare(Batch.key(firstRaw), Batch.key(anchor)) >= 0) {
            exhausted = true;
        } else {
            anchor = firstRaw;
        }
    }

    /** Whether a message is new to this session; live and restored ones also move the newest index. */
    boolean firstSight(String raw, String key, boolean live) {
        if (seen.has(key)) {
            return false;
        }
        seen.set(key, true);
        if (live) {
            if (newest == null || Batch.compare(key, newest) > 0) {
                newest = key;
                lastRaw = raw;
            }
            if (anchor == null) {
                // a chat started on this page can page back too (quirk 7)
                anchor = raw;
            }
        }
        return true;
    }

    /** The {@code messageIndex} for the store: the newest sanitized index, or 0 before any message. */
    Value index() {
        return newest == null ? Values.of(0) : Values.of(newest);
    }

    /** Whether the newest index moved since the store was last told; if so it counts as told now. */
    boolean moved() {
        boolean moved = newest != null && !newest.equals(saved);
        saved = newest;
        return moved;
    }
}
