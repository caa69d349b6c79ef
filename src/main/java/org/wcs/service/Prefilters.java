package org.wcs.service;

import org.wcs.transport.StateCookies;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Messages hidden from the customer: the co-browse token {@code {start:<9 digits>}} always, plus the RegExps added by
 * {@code addPrefilter}/{@code sendFilteredMessage}. Custom filters live in the cookie
 * {@code _genesys.widgets.webchat.state.filters} as {@code {"custom":[{"source":..,"flags":..}]}}, so a reloaded page
 * keeps hiding what it hid, until the chat ends.
 */
final class Prefilters {
    static final String COOKIE = StateCookies.STATE + "filters";

    private final SiteCookies cookies;
    private final Value standard = Values.regExp("\\{start:\\d{9}\\}", "");
    private Value custom = Values.array();

    Prefilters(SiteCookies cookies) {
        this.cookies = cookies;
    }

    /** Reloads the filters a previous page stored; a damaged cookie is dropped, never fatal. */
    void load() {
        String stored = cookies.get(COOKIE);
        if (stored == null) {
            return;
        }
        try {
            Value list = Values.parse(stored).get("custom");
            for (int i = 0; i < list.length(); i++) {
                Value f = list.at(i);
                custom.push(Values.regExp(f.get("source").str(""), f.get("flags").str("")));
            }
        } catch (JsError e) {
            cookies.remove(COOKIE);
        }
    }

    /** True when {@code filters} is a RegExp or an array whose first element is one. */
    static boolean valid(Value filters) {
        return filters.isRegExp() || (filters.isArray() && filters.at(0).isRegExp());
    }

    /** Adds a RegExp or each RegExp of an array; returns the custom filters as an object with numeric keys. */
    Value add(Value filters) {
        if (filters.isRegExp()) {
            custom.push(filters);
        } else {
            for (int i = 0; i < filters.length(); i++) {
                if (filters.at(i).isRegExp()) {
                    custom.push(filters.at(i));
                }
            }
        }
        Value stored = Values.array();
        Value copy = Values.object();
        for (int i = 0; i < custom.length(); i++) {
            Value f = custom.at(i);
            stored.push(Values.object().set("source", f.get("source")).set("flags", f.get("flags")));
            copy.set(Values.numberToString(i), f);
        }
        cookies.set(COOKIE, Values.stringify(Values.object().set("custom", stored)));
        return copy;
    }

    boolean hides(Value text) {
        String s = text.str();
        if (s == null) {
            return false;
        }
        if (standard.test(s)) {
            return true;
        }
        for (int i = 0; i < custom.length(); i++) {
            if (custom.at(i).test(s)) {
                return true;
            }
        }
        return false;
    }

    /** The chat ended: forget the custom filters and their cookie. */
    void clear() {
        custom = Values.array();
        cookies.remove(COOKIE);
    }
}
