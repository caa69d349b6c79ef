package org.wcs.value;

/**
 * Static access to the host's {@link ValueFactory}. Values are not I/O, and every layer builds them, so one installed
 * factory beats threading it through every constructor. The browser entry installs the JS one, tests the JVM one.
 */
public final class Values {
    private static ValueFactory factory;

    private Values() {
    }

    public static void install(ValueFactory f) {
        factory = f;
    }

    public static Value undefined() { return factory.undefined(); }

    public static Value nul() { return factory.nul(); }

    public static Value of(String s) { return s == null ? factory.undefined() : factory.of(s); }

    public static Value of(double n) { return factory.of(n); }

    public static Value of(boolean b) { return factory.of(b); }

    public static Value object() { return factory.object(); }

    public static Value array() { return factory.array(); }

    public static Value function(JsFunction f) { return factory.function(f); }

    public static void raise(Value thrown) { factory.raise(thrown); }

    public static Value parse(String json) { return factory.parse(json); }

    /** The JSON value of {@code json}, or {@code fallback} when it is malformed: no exception on the answer path. */
    public static Value parseOr(String json, Value fallback) {
        Value v = factory.parseOrNull(json);
        return v == null ? fallback : v;
    }

    public static String stringify(Value v) { return factory.stringify(v); }

    public static Value regExp(String source, String flags) { return factory.regExp(source, flags); }

    /** JS {@code String(n)}; also for ints, since Java's int formatting drags a large StringBuilder routine in. */
    public static String numberToString(double n) {
        return factory.numberToString(n);
    }

    /** Epoch ms of an ISO-8601 time such as {@code 2024-05-01T10:01:10.000Z}; NaN for null or anything else. */
    public static double time(String iso) {
        return iso == null ? Double.NaN : factory.parseTime(iso);
    }

    /** An array of the given values. */
    public static Value arrayOf(Value... items) {
        Value a = factory.array();
        for (Value v : items) {
            a.push(v);
        }
        return a;
    }

    /** JS {@code String(v)} for the primitive kinds the service meets in data; objects give "" here. */
    public static String text(Value v) {
        switch (v.type()) {
            case Value.STRING:
                return v.str();
            case Value.NUMBER:
                return numberToString(v.num());
            case Value.BOOLEAN:
                return v.truthy() ? "true" : "false";
            case Value.NULL:
                return "null";
            case Value.UNDEFINED:
                return "undefined";
            default:
                return "";
        }
    }

    /**
     * ASCII lower case. Names here (plugins, headers, files) are ASCII, and String.toLowerCase would pull the whole
     * Unicode case table into the bundle.
     */
    public static String lower(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) < 'A' || s.charAt(i) > 'Z')) {
            i++;
        }
        if (i == s.length()) {
            return s; // nothing to change: no copy (every transcript item's type comes through here)
        }
        char[] c = s.toCharArray();
        for (; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] += 32;
            }
        }
        return new String(c);
    }

    /** Whether {@code lowered} (lower case) is {@code name} in ASCII lower case, without copying either. */
    public static boolean isLower(String lowered, String name) {
        if (lowered.length() != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowered.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A deep copy of a record as JSON sees it (what can go over the wire), or null when {@code v} is no record or
     * cannot be one: circular, a BigInt inside, a property read that throws. Page data kept for later (user data,
     * interaction data, forms, headers) goes through this, so that one odd value cannot break every later request.
     */
    public static Value plainRecord(Value v) {
        if (!v.isRecord()) {
            return null;
        }
        String json = stringify(v);
        return json == null ? null : parse(json);
    }

    /** Shallow copy of own keys of {@code from} onto {@code to}; returns {@code to}. */
    public static Value assign(Value to, Value from) {
        if (from.isObject()) {
            for (String k : from.keys()) {
                to.set(k, from.get(k));
            }
        }
        return to;
    }
}
