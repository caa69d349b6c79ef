package org.wcs.bus;

import org.wcs.value.Value;
import org.wcs.value.Values;

/** The two bits of JS coercion the data store needs: loose equality and {@code String(v)}. */
final class Loose {
    private Loose() {
    }

    /** JS {@code a == b} for the kinds stored as data. */
    static boolean equal(Value a, Value b) {
        if (a.isNullish() || b.isNullish()) {
            return a.isNullish() && b.isNullish();
        }
        if (a.isObject() || a.isFunction() || b.isObject() || b.isFunction()) {
            return a.same(b);
        }
        if (a.isString() || b.isString()) {
            return primitive(a).equals(primitive(b));
        }
        return (a.isBoolean() ? (a.truthy() ? 1 : 0) : a.num()) == (b.isBoolean() ? (b.truthy() ? 1 : 0) : b.num());
    }

    /** Approximates ToNumber-then-compare by comparing texts: "1" == 1 and true == "1" hold, "1.0" == 1 does not. */
    private static String primitive(Value v) {
        return v.isBoolean() ? (v.truthy() ? "1" : "0") : v.isString() ? v.str().trim() : Values.text(v);
    }

    /** {@code String(v)}: objects print as JS prints them. */
    static String text(Value v) {
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length(); i++) {
                sb.append(i > 0 ? "," : "").append(v.at(i).isNullish() ? "" : text(v.at(i)));
            }
            return sb.toString();
        }
        return v.isObject() ? "[object Object]" : v.isFunction() ? "function" : Values.text(v);
    }
}
