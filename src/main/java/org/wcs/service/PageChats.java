package org.wcs.service;

import org.wcs.util.Arr;
import org.wcs.value.Value;

/**
 * Every chat core of the page: the {@code WebChatService} plugin's and the private ones behind the Chat Service JS
 * API. A page runs one chat at a time, whoever started it: a core that is starting, restoring, active or ending makes
 * the page busy for the others. Keyed by the page's {@code window}, so that a JVM test page loaded again in the same
 * tab (a fresh window) starts with none.
 */
final class PageChats {
    private static final Arr<WebChatService> CORES = new Arr<>();

    private PageChats() {
    }

    static void add(WebChatService core) {
        for (int i = CORES.size() - 1; i >= 0; i--) {
            if (!CORES.get(i).window.same(CORES.get(i).platform.page.window())) {
                CORES.remove(i); // its page is gone
            }
        }
        CORES.add(core);
    }

    static void remove(WebChatService core) {
        int at = CORES.indexOf(core);
        if (at >= 0) {
            CORES.remove(at);
        }
    }

    /** Whether another core of {@code me}'s page has a chat going. */
    static boolean busyBesides(WebChatService me) {
        Value window = me.platform.page.window();
        for (int i = 0; i < CORES.size(); i++) {
            WebChatService c = CORES.get(i);
            if (c != me && c.window.same(window) && c.busy()) {
                return true;
            }
        }
        return false;
    }
}
