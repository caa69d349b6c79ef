package org.wcs.value;

/**
 * A JavaScript value as it crosses the bus: command data, event data, configuration, server JSON.
 *
 * <p>In the browser an instance is a thin handle on the real JS value, so objects keep their identity (page code sees
 * the very object it passed) and event data reaches subscribers as plain JS objects. On the JVM the same contract is
 * met by a Java model of JS semantics. Reads never throw: a missing property reads as {@code undefined}.
 */
public interface Value {
    int UNDEFINED = 0, NULL = 1, BOOLEAN = 2, NUMBER = 3, STRING = 4, ARRAY = 5, OBJECT = 6, FUNCTION = 7;

    /** One of the constants above; a RegExp, a DOM element or any other host object reports {@link #OBJECT}. */
    int type();

    /** JS truthiness. */
    boolean truthy();

    /** The string, or {@code null} when this is not a string. */
    String str();

    /** The number, or NaN when this is not a number. */
    double num();

    /** Own enumerable property names (array indexes included, as strings). */
    String[] keys();

    /** True when this is an object with this own property. */
    boolean has(String key);

    /** A property; {@code undefined} when missing or when this is not an object. */
    Value get(String key);

    /** An array element; {@code undefined} when out of range. */
    Value at(int index);

    /** {@code length} of an array or a string; 0 for anything else. */
    int length();

    /** Sets a property and returns this, so objects can be built in one expression. */
    Value set(String key, Value value);

    /** Deletes an own property. */
    void remove(String key);

    /** Appends to an array and returns this. */
    Value push(Value value);

    /** Calls this function with {@code self} as {@code this}; any JS error comes back as a {@link JsError}. */
    Value call(Value self, Value... args);

    /** True when this is a RegExp (of this realm or another one) and it matches {@code text}. */
    boolean test(String text);

    /** True when this is a RegExp, whatever its realm. */
    boolean isRegExp();

    /** JS {@code ===}. */
    boolean same(Value other);

    // ---- conveniences shared by both implementations ----

    default boolean isUndefined() { return type() == UNDEFINED; }

    default boolean isNullish() { return type() <= NULL; }

    default boolean isString() { return type() == STRING; }

    default boolean isNumber() { return type() == NUMBER; }

    default boolean isBoolean() { return type() == BOOLEAN; }

    default boolean isFunction() { return type() == FUNCTION; }

    default boolean isArray() { return type() == ARRAY; }

    /** {@code typeof v === 'object' && v !== null}: plain objects, arrays, RegExps, DOM elements. */
    default boolean isObject() { return type() >= ARRAY && type() != FUNCTION; }

    /** A plain data object: an object that is neither an array nor a RegExp. */
    default boolean isRecord() { return type() == OBJECT && !isRegExp(); }

    /** The string, or {@code fallback} when this is not a string. */
    default String str(String fallback) {
        String s = str();
        return s == null ? fallback : s;
    }

    /** The boolean, or {@code fallback} when this is not a boolean. */
    default boolean bool(boolean fallback) { return isBoolean() ? truthy() : fallback; }

    default Value set(String key, String value) { return set(key, Values.of(value)); }

    default Value set(String key, double value) { return set(key, Values.of(value)); }

    default Value set(String key, boolean value) { return set(key, Values.of(value)); }

}
