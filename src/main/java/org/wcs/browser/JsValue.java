package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wcs.value.JsError;
import org.wcs.value.Value;

/** A {@link Value} that is a handle on a real JS value: no copies, so identity and host objects survive. */
final class JsValue implements Value {
    final JSObject raw;

    JsValue(JSObject raw) {
        this.raw = raw;
    }

    static JSObject raw(Value v) {
        return v == null ? null : ((JsValue) v).raw;
    }

    @Override
    public int type() {
        return typeOf(raw);
    }

    @JSBody(params = "v", script = "if(v===void 0)return 0;if(v===null)return 1;var $t=typeof v;"
            + "return $t==='boolean'?2:$t==='number'?3:$t==='string'?4:$t==='function'?7:Array.isArray(v)?5:6;")
    private static native int typeOf(JSObject v);

    @Override
    public boolean truthy() {
        return truthy(raw);
    }

    @JSBody(params = "v", script = "return !!v;")
    private static native boolean truthy(JSObject v);

    @Override
    public String str() {
        return typeOf(raw) == STRING ? string(raw) : null;
    }

    @JSBody(params = "v", script = "return v;")
    static native String string(JSObject v);

    @Override
    public double num() {
        return num(raw);
    }

    @JSBody(params = "v", script = "return typeof v==='number'?v:NaN;")
    private static native double num(JSObject v);

    @Override
    public String[] keys() {
        return keys(raw);
    }

    @JSBody(params = "v", script = "return v!==null&&(typeof v==='object'||typeof v==='function')?Object.keys(v):[];")
    private static native String[] keys(JSObject v);

    @Override
    public boolean has(String key) {
        return has(raw, key);
    }

    @JSBody(params = {"v", "k"}, script = "return v!==null&&(typeof v==='object'||typeof v==='function')"
            + "&&Object.prototype.hasOwnProperty.call(v,k);")
    private static native boolean has(JSObject v, String k);

    @Override
    public Value get(String key) {
        return new JsValue(get(raw, key));
    }

    /** Property reads never throw: host objects with throwing getters read as undefined. */
    @JSBody(params = {"v", "k"}, script = "try{return v==null?void 0:v[k];}catch($e){return void 0;}")
    private static native JSObject get(JSObject v, String k);

    @Override
    public Value at(int index) {
        return new JsValue(at(raw, index));
    }

    @JSBody(params = {"v", "i"}, script = "try{return v==null?void 0:v[i];}catch($e){return void 0;}")
    private static native JSObject at(JSObject v, int i);

    @Override
    public int length() {
        return length(raw);
    }

    @JSBody(params = "v", script = "var $l=v==null||typeof v==='function'?0:v.length;return typeof $l==='number'?$l:0;")
    private static native int length(JSObject v);

    @Override
    public Value set(String key, Value value) {
        set(raw, key, raw(value));
        return this;
    }

    @JSBody(params = {"v", "k", "x"}, script = "if(v!==null&&(typeof v==='object'||typeof v==='function'))v[k]=x;")
    private static native void set(JSObject v, String k, JSObject x);

    @Override
    public void remove(String key) {
        remove(raw, key);
    }

    @JSBody(params = {"v", "k"}, script = "if(v!=null)delete v[k];")
    private static native void remove(JSObject v, String k);

    @Override
    public Value push(Value value) {
        push(raw, raw(value));
        return this;
    }

    @JSBody(params = {"v", "x"}, script = "if(Array.isArray(v))v.push(x);")
    static native void push(JSObject v, JSObject x);

    @Override
    public Value call(Value self, Value... args) {
        // a JS array built in place: a JSObject[] would pull in TeaVM's JSO array wrappers (TEAVM.md)
        JSObject a = JsValues.newArray();
        for (Value arg : args) {
            push(a, raw(arg));
        }
        JSObject outcome = apply(raw, raw(self), a);
        if (failed(outcome)) {
            throw new JsError(error(outcome), new JsValue(thrown(outcome)));
        }
        return new JsValue(result(outcome));
    }

    /**
     * Returns {r: result} or {e: message, x: what was thrown}, so a JS error arrives in Java with its own text, and
     * can be handed back to the page as it was thrown.
     */
    @JSBody(params = {"f", "t", "a"}, script = "try{return{r:f.apply(t,a)};}"
            + "catch($x){return{e:String($x&&$x.message!==void 0?$x.message:$x),x:$x};}")
    private static native JSObject apply(JSObject f, JSObject self, JSObject args);

    @JSBody(params = "o", script = "return 'e' in o;")
    private static native boolean failed(JSObject o);

    @JSBody(params = "o", script = "return o.e;")
    private static native String error(JSObject o);

    @JSBody(params = "o", script = "return o.r;")
    private static native JSObject result(JSObject o);

    @JSBody(params = "o", script = "return o.x;")
    private static native JSObject thrown(JSObject o);

    @Override
    public boolean test(String text) {
        return isRegExp(raw) && test(raw, text);
    }

    @JSBody(params = {"r", "s"}, script = "r.lastIndex=0;return r.test(s);")
    private static native boolean test(JSObject r, String s);

    @Override
    public boolean isRegExp() {
        return isRegExp(raw);
    }

    /** By tag, not instanceof, so a RegExp from an iframe is one too. */
    @JSBody(params = "v", script = "return Object.prototype.toString.call(v)==='[object RegExp]';")
    private static native boolean isRegExp(JSObject v);

    @Override
    public boolean same(Value other) {
        return other instanceof JsValue && same(raw, ((JsValue) other).raw);
    }

    @JSBody(params = {"a", "b"}, script = "return a===b;")
    private static native boolean same(JSObject a, JSObject b);
}
