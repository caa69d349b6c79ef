package org.wcs.value;

/** How a host makes values: implemented by the browser edge over real JS and by the JVM edge for tests. */
public interface ValueFactory {
    Value undefined();

    Value nul();

    Value of(String s);

    Value of(double n);

    Value of(boolean b);

    Value object();

    Value array();

    /** A real JS function that calls back into Java. */
    Value function(JsFunction f);

    /** Throws {@code thrown} on a later task of the page, as an uncaught error (see {@link JsError#surface}). */
    void raise(Value thrown);

    /** {@code JSON.parse}; throws {@link JsError} on malformed text. */
    Value parse(String json);

    /** {@code JSON.parse}; null on malformed text, without an exception (server answers, cookies, stored state). */
    Value parseOrNull(String json);

    /** {@code JSON.stringify}; {@code null} for values JSON cannot express. */
    String stringify(Value v);

    /** {@code new RegExp(source, flags)}; throws {@link JsError} when invalid. */
    Value regExp(String source, String flags);

    /** JS {@code String(n)}: kept in the host so that no Java double formatting ends up in the bundle. */
    String numberToString(double n);

    /** JS {@code Date.parse(text)} for ISO-8601 times: epoch ms, NaN when it is not one (no date code in the bundle). */
    double parseTime(String text);
}
