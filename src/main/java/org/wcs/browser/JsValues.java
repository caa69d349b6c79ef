package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.value.JsError;
import org.wcs.value.JsFunction;
import org.wcs.value.Value;
import org.wcs.value.ValueFactory;

/** The browser's {@link ValueFactory}: real JS values, the browser's JSON, RegExp and number formatting. */
final class JsValues implements ValueFactory {
    private static final Value UNDEFINED = new JsValue(undefinedRaw());

    @JSBody(script = "return void 0;")
    private static native JSObject undefinedRaw();

    @Override
    public Value undefined() {
        return UNDEFINED;
    }

    @Override
    public Value nul() {
        return new JsValue(null);
    }

    @Override
    public Value of(String s) {
        return new JsValue(str(s));
    }

    @JSBody(params = "s", script = "return s;")
    static native JSObject str(String s);

    @Override
    public Value of(double n) {
        return new JsValue(num(n));
    }

    @JSBody(params = "n", script = "return n;")
    private static native JSObject num(double n);

    @Override
    public Value of(boolean b) {
        return new JsValue(bool(b));
    }

    @JSBody(params = "b", script = "return b;")
    private static native JSObject bool(boolean b);

    @Override
    public Value object() {
        return new JsValue(newObject());
    }

    @JSBody(script = "return {};")
    private static native JSObject newObject();

    @Override
    public Value array() {
        return new JsValue(newArray());
    }

    @JSBody(script = "return [];")
    static native JSObject newArray();

    @Override
    public Value function(JsFunction f) {
        return new JsValue(wrap((self, args) -> {
            int n = argCount(args);
            Value[] a = new Value[n];
            for (int i = 0; i < n; i++) {
                a[i] = new JsValue(arg(args, i));
            }
            try {
                Value r = f.call(new JsValue(self), a);
                return r == null ? undefinedRaw() : JsValue.raw(r);
            } catch (Throwable t) {
                // Nothing thrown in Java reaches page code: the function answers undefined instead.
                Guard.fault(t);
                return undefinedRaw();
            }
        }));
    }

    @JSFunctor
    interface Entry extends JSObject {
        JSObject call(JSObject self, JSObject args);
    }

    @JSBody(params = "f", script = "return function(){return f(this,arguments);};")
    private static native JSObject wrap(Entry f);

    @JSBody(params = "a", script = "return a.length;")
    private static native int argCount(JSObject args);

    @JSBody(params = {"a", "i"}, script = "return a[i];")
    private static native JSObject arg(JSObject args, int i);

    @Override
    public void raise(Value thrown) {
        raiseLater(JsValue.raw(thrown));
    }

    /**
     * {@code reportError} (where the browser has it) reports the error as uncaught, to {@code window.onerror} and the
     * console, at the place the page's code threw it; rethrowing would show our file as where it happened.
     */
    @JSBody(params = "x", script = "setTimeout(function(){if(typeof reportError==='function')reportError(x);"
            + "else throw x;},0);")
    private static native void raiseLater(JSObject thrown);

    @Override
    public Value parseOrNull(String json) {
        JSObject o = tryParse(json);
        return o == null ? null : new JsValue(result(o));
    }

    @Override
    public Value parse(String json) {
        JSObject o = tryParse(json);
        if (o == null) {
            throw new JsError("SyntaxError: malformed JSON");
        }
        return new JsValue(result(o));
    }

    @JSBody(params = "s", script = "try{return{r:JSON.parse(s)};}catch($e){return null;}")
    private static native JSObject tryParse(String s);

    @JSBody(params = "o", script = "return o.r;")
    private static native JSObject result(JSObject o);

    @Override
    public String stringify(Value v) {
        return stringify(JsValue.raw(v));
    }

    @JSBody(params = "v", script = "try{var $s=JSON.stringify(v);return $s===void 0?null:$s;}catch($e){return null;}")
    private static native String stringify(JSObject v);

    @Override
    public Value regExp(String source, String flags) {
        JSObject o = regExpOrNull(source, flags);
        if (o == null) {
            throw new JsError("SyntaxError: invalid regular expression");
        }
        return new JsValue(o);
    }

    @JSBody(params = {"s", "f"}, script = "try{return new RegExp(s,f);}catch($e){return null;}")
    private static native JSObject regExpOrNull(String s, String f);

    @Override
    public String numberToString(double n) {
        return numberText(n);
    }

    @JSBody(params = "n", script = "return String(n);")
    private static native String numberText(double n);

    @Override
    public double parseTime(String text) {
        return dateParse(text);
    }

    @JSBody(params = "s", script = "return Date.parse(s);")
    private static native double dateParse(String s);
}
