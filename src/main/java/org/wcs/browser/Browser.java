package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.platform.Page;
import org.wcs.platform.RandomSource;
import org.wcs.value.Value;

/** The page: window, location, document, console, script injection, hidden-form downloads, Math.random. */
final class Browser implements Page, RandomSource {
    @Override
    public Value window() {
        return new JsValue(windowRaw());
    }

    @JSBody(script = "return window;")
    private static native JSObject windowRaw();

    @Override
    public String href() {
        return href0();
    }

    @Override
    public String referrer() {
        return doc("referrer");
    }

    @Override
    public String title() {
        return doc("title");
    }

    @Override
    public String userAgent() {
        return userAgent0();
    }

    @JSBody(script = "return location.href;")
    private static native String href0();

    @JSBody(params = "k", script = "return String(document[k]||'');")
    private static native String doc(String key);

    @JSBody(script = "return navigator.userAgent||'';")
    private static native String userAgent0();

    @Override
    public void whenParsed(Runnable task) {
        parsed(ok -> task.run());
    }

    @JSBody(params = "cb", script = "if(document.readyState==='loading')"
            + "document.addEventListener('DOMContentLoaded',function(){cb(true);});else setTimeout(function(){cb(true);},0);")
    private static native void parsed(Loaded cb);

    @Override
    public void onReturn(Runnable task) {
        returns(ok -> task.run());
    }

    @JSBody(params = "cb", script = "try{var $f=function(){try{cb(true);}catch($e){}};"
            + "window.addEventListener('online',$f);document.addEventListener('visibilitychange',function(){"
            + "if(document.visibilityState==='visible')$f();});}catch($e){}")
    private static native void returns(Loaded cb);

    @Override
    public void loadScript(String url, Runnable onLoad, Runnable onError) {
        inject(url, ok -> (ok ? onLoad : onError).run());
    }

    @JSFunctor
    interface Loaded extends JSObject {
        void loaded(boolean ok);
    }

    @JSBody(params = {"u", "cb"}, script = "var $s=document.createElement('script');$s.type='text/javascript';"
            + "$s.charset='UTF-8';$s.src=u;$s.onload=function(){cb(true);};$s.onerror=function(){cb(false);};"
            + "(document.head||document.documentElement).appendChild($s);")
    private static native void inject(String url, Loaded cb);

    @Override
    public void submitForm(String url, String[] fields) {
        submit(url, fields);
    }

    @JSBody(params = {"u", "f"}, script = "var $m=document.createElement('form');$m.method='POST';$m.action=u;"
            + "$m.target='_blank';$m.enctype='multipart/form-data';$m.style.display='none';"
            + "for(var $i=0;$i<f.length;$i+=2){var $e=document.createElement('input');$e.type='hidden';$e.name=f[$i];"
            + "$e.value=f[$i+1];$m.appendChild($e);}document.body.appendChild($m);$m.submit();$m.parentNode.removeChild($m);")
    private static native void submit(String url, String[] fields);

    @Override
    public void log(String line) {
        console(line);
    }

    /** A Java error caught at the JS boundary: a bug of ours, worth a console line even without debug. */
    static void report(String line) {
        console(line);
    }

    @JSBody(params = "s", script = "try{console.log(s);}catch($e){}")
    private static native void console(String s);

    @Override
    public String encodeUriComponent(String s) {
        return encode(s);
    }

    @JSBody(params = "s", script = "return encodeURIComponent(s);")
    private static native String encode(String s);

    @Override
    public String decodeUri(String s) {
        return decode(s);
    }

    @JSBody(params = "s", script = "try{return decodeURIComponent(s);}catch($e){return s;}")
    private static native String decode(String s);

    @Override
    public double next() {
        return random();
    }

    @JSBody(script = "return Math.random();")
    private static native double random();
}
