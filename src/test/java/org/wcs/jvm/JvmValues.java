package org.wcs.jvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.wcs.value.JsError;
import org.wcs.value.JsFunction;
import org.wcs.value.Value;
import org.wcs.value.ValueFactory;
import org.wcs.value.Values;

/** The JVM edge's {@link ValueFactory}: Jackson for JSON, java.util.regex for RegExp, JS number formatting. */
public final class JvmValues implements ValueFactory {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JvmValues INSTANCE = new JvmValues();
    /**
     * What was handed back to the page as an uncaught error ({@link org.wcs.value.JsError#surface}), in order: the
     * JVM's stand-in for {@code window.onerror}. Tests clear it first.
     */
    public static final java.util.List<Value> UNCAUGHT = java.util.Collections.synchronizedList(
            new java.util.ArrayList<>());

    /** Installs the JVM factory as {@link Values}' host; idempotent. */
    public static void install() {
        Values.install(INSTANCE);
    }

    static Value number(double d) {
        return new JvmValue(Value.NUMBER, d);
    }

    @Override
    public Value undefined() {
        return JvmValue.UNDEFINED_VALUE;
    }

    @Override
    public Value nul() {
        return JvmValue.NULL_VALUE;
    }

    @Override
    public Value of(String s) {
        return new JvmValue(Value.STRING, s);
    }

    @Override
    public Value of(double n) {
        return number(n);
    }

    @Override
    public Value of(boolean b) {
        return new JvmValue(Value.BOOLEAN, b);
    }

    @Override
    public Value object() {
        return new JvmValue(Value.OBJECT, null);
    }

    @Override
    public Value array() {
        return new JvmValue(Value.ARRAY, null, null, null, new ArrayList<>());
    }

    @Override
    public Value function(JsFunction f) {
        return new JvmValue(Value.FUNCTION, null, f, null, null);
    }

    @Override
    public void raise(Value thrown) {
        UNCAUGHT.add(thrown);
    }

    @Override
    public Value regExp(String source, String flags) {
        int f = 0;
        for (char c : flags.toCharArray()) {
            switch (c) {
                case 'i':
                    f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    break;
                case 'm':
                    f |= Pattern.MULTILINE;
                    break;
                case 's':
                    f |= Pattern.DOTALL;
                    break;
                case 'g':
                case 'u':
                case 'y':
                    break;
                default:
                    throw new JsError("SyntaxError: Invalid flags supplied to RegExp constructor '" + flags + "'");
            }
        }
        try {
            JvmValue v = new JvmValue(Value.OBJECT, null, null, Pattern.compile(source, f), null);
            v.props.put("source", of(source));
            v.props.put("flags", of(flags));
            return v;
        } catch (PatternSyntaxException e) {
            throw new JsError("SyntaxError: Invalid regular expression: /" + source + "/: " + e.getDescription());
        }
    }

    @Override
    public Value parseOrNull(String json) {
        try {
            return parse(json);
        } catch (JsError e) {
            return null;
        }
    }

    @Override
    public Value parse(String json) {
        try {
            return fromNode(MAPPER.readTree(json));
        } catch (Exception e) {
            throw new JsError("SyntaxError: Unexpected token in JSON");
        }
    }

    private Value fromNode(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            throw new JsError("SyntaxError: Unexpected end of JSON input");
        }
        if (n.isObject()) {
            Value o = object();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), fromNode(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            Value a = array();
            for (JsonNode c : n) {
                a.push(fromNode(c));
            }
            return a;
        }
        if (n.isTextual()) {
            return of(n.textValue());
        }
        if (n.isNumber()) {
            return of(n.doubleValue());
        }
        if (n.isBoolean()) {
            return of(n.booleanValue());
        }
        return nul();
    }

    @Override
    public String stringify(Value v) {
        return json(v);
    }

    static String json(Value v) {
        StringBuilder sb = new StringBuilder();
        return write(sb, v) ? sb.toString() : null;
    }

    private static boolean write(StringBuilder sb, Value v) {
        switch (v.type()) {
            case Value.UNDEFINED:
            case Value.FUNCTION:
                return false;
            case Value.NULL:
                sb.append("null");
                return true;
            case Value.BOOLEAN:
                sb.append(v.truthy());
                return true;
            case Value.NUMBER:
                double d = v.num();
                sb.append(Double.isFinite(d) ? INSTANCE.numberToString(d) : "null");
                return true;
            case Value.STRING:
                quote(sb, v.str());
                return true;
            case Value.ARRAY:
                sb.append('[');
                for (int i = 0; i < v.length(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    if (!write(sb, v.at(i))) {
                        sb.append("null");
                    }
                }
                sb.append(']');
                return true;
            default:
                if (v.isRegExp()) {
                    sb.append("{}");
                    return true;
                }
                sb.append('{');
                boolean first = true;
                for (String k : v.keys()) {
                    int mark = sb.length();
                    if (!first) {
                        sb.append(',');
                    }
                    quote(sb, k);
                    sb.append(':');
                    if (write(sb, v.get(k))) {
                        first = false;
                    } else {
                        sb.setLength(mark);
                    }
                }
                sb.append('}');
                return true;
        }
    }

    private static void quote(StringBuilder sb, String s) {
        try {
            sb.append(MAPPER.writeValueAsString(s));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String numberToString(double n) {
        if (Double.isNaN(n)) {
            return "NaN";
        }
        if (Double.isInfinite(n)) {
            return n > 0 ? "Infinity" : "-Infinity";
        }
        if (n == Math.rint(n) && Math.abs(n) < 1e21) {
            return new BigDecimal(n).toPlainString();
        }
        return BigDecimal.valueOf(n).stripTrailingZeros().toPlainString();
    }

    /** ISO-8601 date-times, with an offset or Z (no offset reads as UTC here). */
    @Override
    public double parseTime(String text) {
        try {
            var parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(text,
                    java.time.OffsetDateTime::from, java.time.LocalDateTime::from);
            return parsed instanceof java.time.OffsetDateTime o ? o.toInstant().toEpochMilli()
                    : ((java.time.LocalDateTime) parsed).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
