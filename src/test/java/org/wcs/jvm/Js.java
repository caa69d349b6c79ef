package org.wcs.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Terse helpers so JVM tests read like the page scripts they stand for. */
public final class Js {
    static {
        JvmValues.install();
    }

    private Js() {
    }

    public static void init() {
        // the static block installs the JVM value factory
    }

    public static Value v(String s) {
        return Values.of(s);
    }

    public static Value v(double n) {
        return Values.of(n);
    }

    public static Value v(boolean b) {
        return Values.of(b);
    }

    public static Value undef() {
        return Values.undefined();
    }

    /** An object from alternating keys and values; values may be Value, String, Number or Boolean. */
    public static Value obj(Object... kv) {
        Value o = Values.object();
        for (int i = 0; i < kv.length; i += 2) {
            o.set((String) kv[i], wrap(kv[i + 1]));
        }
        return o;
    }

    public static Value arr(Object... items) {
        Value a = Values.array();
        for (Object o : items) {
            a.push(wrap(o));
        }
        return a;
    }

    public static Value wrap(Object o) {
        if (o == null) {
            return Values.nul();
        }
        if (o instanceof Value) {
            return (Value) o;
        }
        if (o instanceof String) {
            return Values.of((String) o);
        }
        if (o instanceof Number) {
            return Values.of(((Number) o).doubleValue());
        }
        if (o instanceof Boolean) {
            return Values.of((Boolean) o);
        }
        throw new IllegalArgumentException("not a JS value: " + o);
    }

    /** {@code obj.method(args...)}. */
    public static Value call(Value obj, String method, Object... args) {
        Value[] a = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = wrap(args[i]);
        }
        return obj.get(method).call(obj, a);
    }

    /** A JS function that records each call's arguments into {@code calls}. */
    public static Value recorder(List<Value[]> calls) {
        return Values.function((self, args) -> {
            calls.add(args);
            return Values.undefined();
        });
    }

    /** A JS function that runs {@code body} with the first argument. */
    public static Value fn(Consumer<Value> body) {
        return Values.function((self, args) -> {
            body.accept(args.length > 0 ? args[0] : Values.undefined());
            return Values.undefined();
        });
    }

    public static List<String> keys(Value v) {
        List<String> out = new ArrayList<>();
        for (String k : v.keys()) {
            out.add(k);
        }
        return out;
    }

    public static String json(Value v) {
        return Values.stringify(v);
    }

    /**
     * Every own key in order with its JS type, nested objects spelled out: what {@code Object.keys} and {@code typeof}
     * show page code (a key whose value is undefined counts). For comparing shapes with the original's, key for key.
     */
    public static String shape(Value v) {
        StringBuilder out = new StringBuilder("{");
        for (String k : v.keys()) {
            Value x = v.get(k);
            out.append(out.length() > 1 ? "," : "").append(k).append(':').append(x.isRecord() && !x.isArray()
                    ? shape(x) : x.isUndefined() ? "undefined" : x.isString() ? "string" : x.isNumber() ? "number"
                    : x.isBoolean() ? "boolean" : "object");
        }
        return out.append('}').toString();
    }
}
