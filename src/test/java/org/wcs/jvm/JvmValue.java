package org.wcs.jvm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.wcs.value.JsError;
import org.wcs.value.JsFunction;
import org.wcs.value.Value;

/** A Java model of a JS value, with JS semantics where the core relies on them (truthiness, identity, undefined). */
public final class JvmValue implements Value {
    static final JvmValue UNDEFINED_VALUE = new JvmValue(UNDEFINED, null);
    static final JvmValue NULL_VALUE = new JvmValue(NULL, null);

    final int type;
    final Object primitive;
    /** Own properties of objects, functions and RegExps. */
    final Map<String, Value> props;
    final List<Value> items;
    final JsFunction function;
    final Pattern regExp;

    JvmValue(int type, Object primitive) {
        this(type, primitive, null, null, null);
    }

    JvmValue(int type, Object primitive, JsFunction function, Pattern regExp, List<Value> items) {
        this.type = type;
        this.primitive = primitive;
        this.function = function;
        this.regExp = regExp;
        this.items = items;
        this.props = type >= ARRAY ? new LinkedHashMap<>() : null;
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public boolean truthy() {
        switch (type) {
            case UNDEFINED:
            case NULL:
                return false;
            case BOOLEAN:
                return (Boolean) primitive;
            case NUMBER:
                double d = (Double) primitive;
                return d != 0 && !Double.isNaN(d);
            case STRING:
                return !((String) primitive).isEmpty();
            default:
                return true;
        }
    }

    @Override
    public String str() {
        return type == STRING ? (String) primitive : null;
    }

    @Override
    public double num() {
        return type == NUMBER ? (Double) primitive : Double.NaN;
    }

    @Override
    public String[] keys() {
        List<String> out = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                out.add(Integer.toString(i));
            }
        }
        if (props != null) {
            out.addAll(props.keySet());
        }
        return out.toArray(new String[0]);
    }

    @Override
    public boolean has(String key) {
        return (props != null && props.containsKey(key)) || index(key) >= 0;
    }

    private int index(String key) {
        if (items == null) {
            return -1;
        }
        try {
            int i = Integer.parseInt(key);
            return i >= 0 && i < items.size() ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public Value get(String key) {
        if (type == STRING && key.equals("length")) {
            return JvmValues.number(((String) primitive).length());
        }
        if (items != null) {
            if (key.equals("length")) {
                return JvmValues.number(items.size());
            }
            int i = index(key);
            if (i >= 0) {
                return items.get(i);
            }
        }
        if (regExp != null && (key.equals("source") || key.equals("flags"))) {
            return props.get(key);
        }
        Value v = props == null ? null : props.get(key);
        return v == null ? UNDEFINED_VALUE : v;
    }

    @Override
    public Value at(int index) {
        return items != null && index >= 0 && index < items.size() ? items.get(index) : UNDEFINED_VALUE;
    }

    @Override
    public int length() {
        return items != null ? items.size() : type == STRING ? ((String) primitive).length() : 0;
    }

    @Override
    public Value set(String key, Value value) {
        int i = index(key);
        if (i >= 0) {
            items.set(i, value);
        } else if (props != null) {
            props.put(key, value);
        }
        return this;
    }

    @Override
    public void remove(String key) {
        if (props != null) {
            props.remove(key);
        }
    }

    @Override
    public Value push(Value value) {
        if (items != null) {
            items.add(value);
        }
        return this;
    }

    @Override
    public Value call(Value self, Value... args) {
        if (function == null) {
            throw new JsError("TypeError: not a function");
        }
        Value r = function.call(self, args);
        return r == null ? UNDEFINED_VALUE : r;
    }

    @Override
    public boolean test(String text) {
        return regExp != null && regExp.matcher(text).find();
    }

    @Override
    public boolean isRegExp() {
        return regExp != null;
    }

    @Override
    public boolean same(Value other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JvmValue) || other.type() != type || type >= ARRAY) {
            return false;
        }
        return primitive == null ? ((JvmValue) other).primitive == null : primitive.equals(((JvmValue) other).primitive);
    }

    @Override
    public String toString() {
        String s = JvmValues.json(this);
        return s == null ? (type == FUNCTION ? "function" : "undefined") : s;
    }
}
