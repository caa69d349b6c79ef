package org.wcs.transport;

import org.wcs.platform.CookieJar;
import org.wcs.platform.CookieOptions;
import org.wcs.platform.Platform;
import org.wcs.value.JsFunction;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The {@code Cookie} argument of the async session-data callbacks: the js-cookie 2.x API that Genesys hands over
 * ({@code set(name, value, attrs)}, {@code get(name)}, {@code getJSON(name)}, {@code remove(name, attrs)},
 * {@code defaults}), working on {@code document.cookie} with js-cookie's encoding. As in js-cookie there is no
 * deploymentID prefix and no default domain; objects are stored as JSON and {@code expires} is in days.
 * One instance per function, told apart by an operation code.
 */
public final class JsCookie implements JsFunction {
    private static final String[] NAMES = {"set", "get", "getJSON", "remove"};

    private final int op;
    private final CookieJar jar;

    private JsCookie(int op, CookieJar jar) {
        this.op = op;
        this.jar = jar;
    }

    /** A fresh {@code Cookie} object for page code. */
    public static Value api(Platform platform) {
        CookieJar jar = new CookieJar(platform.cookies, platform.page);
        Value api = Values.object().set("defaults", Values.object());
        for (int i = 0; i < NAMES.length; i++) {
            api.set(NAMES[i], Values.function(new JsCookie(i, jar)));
        }
        return api;
    }

    @Override
    public Value call(Value self, Value[] args) {
        String name = args.length > 0 ? args[0].str() : null;
        if (name == null || name.isEmpty()) {
            return Values.undefined();
        }
        Value second = args.length > 1 ? args[1] : Values.undefined();
        if (op == 0) {
            String text = second.isObject() ? Values.stringify(second) : Values.text(second);
            jar.set(name, text, options(args.length > 2 ? args[2] : Values.undefined()));
            return Values.undefined();
        }
        if (op == 3) {
            jar.remove(name, options(second));
            return Values.undefined();
        }
        String value = jar.get(name);
        if (value == null) {
            return Values.undefined();
        }
        if (op == 2) {
            Value parsed = Values.parseOr(value, null);
            if (parsed != null) {
                return parsed;
            }
            // js-cookie's getJSON gives the plain string when it is not JSON
        }
        return Values.of(value);
    }

    /** js-cookie attributes ({@code path} defaults to "/", {@code expires} in days) as a cookie write's options. */
    private static CookieOptions options(Value attrs) {
        CookieOptions o = new CookieOptions();
        o.domain = attrs.get("domain").str();
        o.path = attrs.get("path").str("/");
        o.sameSite = attrs.get("samesite").str(attrs.get("sameSite").str());
        o.secure = attrs.get("secure").truthy();
        if (attrs.get("expires").isNumber()) {
            o.maxAgeSeconds = (int) (attrs.get("expires").num() * 86400);
        }
        return o;
    }
}
