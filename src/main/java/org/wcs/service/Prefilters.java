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
 *
 * <p>That cookie is on the registrable domain, so any sibling subdomain can plant one, and every message is tested
 * against what it holds. What a cookie brings back is therefore bounded ({@link #MAX_FILTERS}, {@link #MAX_SOURCE},
 * {@link #MAX_TOTAL}) and patterns of the catastrophic-backtracking shape are refused ({@link #nestedQuantifier}).
 * The page's own filters come first in the cookie, so a planted list cannot push them out of the bounds on the next
 * load; a filter the page registers again (same source and flags) replaces the stored copy instead of doubling it.
 */
final class Prefilters {
    static final String COOKIE = StateCookies.STATE + "filters";
    /** At most this many filters are taken from the cookie (the first ones). */
    static final int MAX_FILTERS = 16;
    /** A stored pattern longer than this is refused. */
    static final int MAX_SOURCE = 256;
    /** Patterns past this many characters of source in all (counted from the first) are refused. */
    static final int MAX_TOTAL = 1024;

    private final SiteCookies cookies;
    private final Value standard = Values.regExp("\\{start:\\d{9}\\}", "");
    /**
     * The custom filters, each once (by source and flags): first the {@link #own} this page registered, then those a
     * previous page stored that passed {@link #load}'s checks.
     */
    private Value custom = Values.array();
    /** How many of {@link #custom}'s first entries this page registered. */
    private int own;

    Prefilters(SiteCookies cookies) {
        this.cookies = cookies;
    }

    /** Reloads the filters a previous page stored, within the bounds; a damaged cookie is dropped, never fatal. */
    void load() {
        String cookie = cookies.get(COOKIE);
        if (cookie == null) {
            return;
        }
        try {
            Value list = Values.parse(cookie).get("custom");
            int total = 0;
            for (int i = 0; i < list.length() && custom.length() < MAX_FILTERS; i++) {
                String source = list.at(i).get("source").str("");
                total += source.length();
                if (total <= MAX_TOTAL && source.length() <= MAX_SOURCE && !nestedQuantifier(source)) {
                    custom.push(Values.regExp(source, list.at(i).get("flags").str("")));
                }
            }
        } catch (JsError e) {
            cookies.remove(COOKIE);
        }
    }

    /**
     * Whether {@code source} has a repeated group that holds a quantifier: {@code (a+)+}, {@code (a*)*},
     * {@code (.*a){20}}, {@code ((a)+)*}, the shape whose backtracking grows exponentially (or as a high power) with
     * the text when a match fails. A check of the pattern's text, not a parser: escapes and character classes are
     * skipped; {@code *}, {@code +} and <code>{</code> are quantifiers ({@code ?} repeats nothing). It errs towards
     * refusal ({@code (ab+c)+} is refused though harmless, so is a literal <code>{</code> in a repeated group,
     * and more than 30 nested groups, and it does not see overlapping alternatives such as {@code (a|a)+}.
     */
    static boolean nestedQuantifier(String source) {
        int holds = 0; // bit d: the group open at depth d holds a quantifier so far
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                c = 0; // the escaped character is a plain atom
                i++;
            }
            if (inClass || c == '[') {
                inClass = c != ']';
                if (inClass) {
                    continue;
                }
            }
            char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
            boolean repeated = next == '*' || next == '+' || next == '{';
            if (c == '(') {
                if (++depth > 30) {
                    return true;
                }
                holds &= ~(1 << depth);
            } else if (c == ')' && depth > 0) {
                boolean held = (holds >> depth-- & 1) != 0;
                if (held && repeated) {
                    return true;
                }
                holds |= held ? 1 << depth : 0;
            }
            holds |= repeated ? 1 << depth : 0;
        }
        return false;
    }

    /** True when {@code filters} is a RegExp or an array whose first element is one. */
    static boolean valid(Value filters) {
        return filters.isRegExp() || (filters.isArray() && filters.at(0).isRegExp());
    }

    /**
     * Adds a RegExp or each RegExp of an array, each once; returns the custom filters (the page's own, then the stored
     * ones) as an array, as the documentation says (the original resolved an object with numeric keys, which an
     * array also satisfies), and stores them in that order.
     */
    Value add(Value filters) {
        if (filters.isRegExp()) {
            own(filters);
        } else {
            for (int i = 0; i < filters.length(); i++) {
                if (filters.at(i).isRegExp()) {
                    own(filters.at(i));
                }
            }
        }
        Value stored = Values.array();
        Value copy = Values.array();
        for (int i = 0; i < custom.length(); i++) {
            Value f = custom.at(i);
            stored.push(Values.object().set("source", f.get("source")).set("flags", f.get("flags")));
            copy.push(f);
        }
        cookies.set(COOKIE, Values.stringify(Values.object().set("custom", stored)));
        return copy;
    }

    /** Puts {@code filter} after the page's own ones, unless it is one; a stored copy of it goes. */
    private void own(Value filter) {
        String key = key(filter);
        Value next = Values.array();
        int n = custom.length();
        for (int i = 0; i <= n; i++) {
            if (i == own) {
                next.push(filter);
            }
            if (i < n) {
                boolean same = key(custom.at(i)).equals(key);
                if (same && i < own) {
                    return;
                }
                if (!same) {
                    next.push(custom.at(i));
                }
            }
        }
        custom = next;
        own++;
    }

    private static String key(Value filter) {
        return filter.get("flags").str("") + "/" + filter.get("source").str("");
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
        own = 0;
        cookies.remove(COOKIE);
    }
}
