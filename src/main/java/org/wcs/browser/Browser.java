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
        parsed(ok -> guarded(task));
    }

    /** Runs a task the browser calls us back for (DOM events, script loads): see {@link Guard}. */
    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            Guard.fault(t);
        }
    }

    @JSBody(params = "cb", script = "if(document.readyState==='loading')"
            + "document.addEventListener('DOMContentLoaded',function(){cb(true);});else setTimeout(function(){cb(true);},0);")
    private static native void parsed(Loaded cb);

    @Override
    public void onReturn(Runnable task) {
        returns(ok -> guarded(task));
    }

    @JSBody(params = "cb", script = "try{var $f=function(){cb(true);};"
            + "window.addEventListener('online',$f);document.addEventListener('visibilitychange',function(){"
            + "if(document.visibilityState==='visible')$f();});}catch($e){}")
    private static native void returns(Loaded cb);

    @Override
    public boolean visible() {
        return visible0();
    }

    /** True where the browser does not say (no Page Visibility API): a page nobody can see is the exception. */
    @JSBody(script = "try{return document.visibilityState!=='hidden';}catch($e){return true;}")
    private static native boolean visible0();

    @Override
    public void onVisibility(Runnable task) {
        visibility(ok -> guarded(task));
    }

    @JSBody(params = "cb", script = "try{document.addEventListener('visibilitychange',function(){cb(true);});}"
            + "catch($e){}")
    private static native void visibility(Loaded cb);

    @Override
    public boolean online() {
        return online0();
    }

    @JSBody(script = "try{return navigator.onLine!==false;}catch($e){return true;}")
    private static native boolean online0();

    @Override
    public void loadScript(String url, Runnable onLoad, Runnable onError) {
        inject(url, policy(), ok -> guarded(ok ? onLoad : onError));
    }

    @JSFunctor
    interface Loaded extends JSObject {
        void loaded(boolean ok);
    }

    /**
     * On a page that enforces Trusted Types a script URL must be a TrustedScriptURL: it comes from our policy
     * {@code webchatservice} (the URL is the site's own {@code pluginsPath}); a page whose CSP does not allow that
     * policy name gets a failed load, as for a missing file, never an exception.
     */
    @JSBody(params = {"u", "p", "cb"}, script = "try{var $s=document.createElement('script');"
            + "$s.type='text/javascript';$s.charset='UTF-8';$s.src=p?p.createScriptURL(u):u;"
            + "$s.onload=function(){cb(true);};$s.onerror=function(){cb(false);};"
            + "(document.head||document.documentElement).appendChild($s);}catch($e){setTimeout(function(){cb(false);},0);}")
    private static native void inject(String url, JSObject policy, Loaded cb);

    /** Our Trusted Types policy, made once (a second policy of one name is refused); null where there is none. */
    private static JSObject policy;
    private static boolean policyAsked;

    private static JSObject policy() {
        if (!policyAsked) {
            policyAsked = true;
            policy = createPolicy();
        }
        return policy;
    }

    @JSBody(script = "try{var $t=window.trustedTypes;return $t&&$t.createPolicy?$t.createPolicy('webchatservice',"
            + "{createScriptURL:function($v){return $v;}}):null;}catch($e){return null;}")
    private static native JSObject createPolicy();

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
