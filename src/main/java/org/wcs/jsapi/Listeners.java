package org.wcs.jsapi;

import org.wcs.platform.Page;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The session's {@code on...} listeners (spec §3): any number per callback, run in registration order; one that
 * throws is reported and the others still run; none is ever removed until the session ends, when all are dropped.
 */
final class Listeners {
    private final Page page;
    private Value lists = Values.object();

    Listeners(Page page) {
        this.page = page;
    }

    void add(String callback, Value fn) {
        if (!fn.isFunction()) {
            page.log(ChatServiceTexts.NOT_A_FUNCTION + callback);
            return;
        }
        Value list = lists.get(callback);
        if (!list.isArray()) {
            list = Values.array();
            lists.set(callback, list);
        }
        list.push(fn);
    }

    void fire(String callback, Value event) {
        Value list = lists.get(callback);
        int n = list.length();
        for (int i = 0; i < n; i++) {
            try {
                list.at(i).call(Values.undefined(), event);
            } catch (JsError e) {
                e.surface(); // the page's error is the page's: thrown again on its own task, the others still run
            }
        }
    }

    void clear() {
        lists = Values.object();
    }
}
