package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.value.Value;

/** {@link Http} over XMLHttpRequest; multipart bodies go out as FormData so files keep their names and types. */
final class BrowserHttp implements Http {
    @Override
    public Cancellable send(HttpRequest r, Callback callback) {
        JSObject parts = null; // a JS array, not a JSObject[] (which pulls in TeaVM's JSO array wrappers)
        if (r.parts != null) {
            parts = JsValues.newArray();
            for (int i = 0; i < r.parts.size(); i++) {
                Object p = r.parts.get(i);
                JsValue.push(parts, p instanceof String ? JsValues.str((String) p) : JsValue.raw((Value) p));
            }
        }
        JSObject xhr = send(r.method, r.url, r.headers.strings(), r.body, parts, r.timeoutMs,
                r.withCredentials, r.binary, r.fields == null ? null : JsValue.raw(r.fields),
                (status, text, type, timedOut, retryAfter) -> {
                    try {
                        callback.onResponse(new HttpResponse(status, text, type, timedOut, retryAfter));
                    } catch (Throwable t) {
                        Guard.fault(t);
                    }
                });
        return () -> abort(xhr);
    }

    @JSFunctor
    interface Done extends JSObject {
        void done(int status, String text, String type, boolean timedOut, String retryAfter);
    }

    /**
     * The callback always runs on a later turn, exactly once; a request the browser refuses reads as status 0. A
     * binary read uses the x-user-defined charset, whose chars carry each byte in their low 8 bits. Locals are
     * $-prefixed: the minifier renames the parameters to single letters, which a one-letter local would shadow.
     * Retry-After is read from the exposed headers only: asking a cross-origin XHR for a header CORS did not expose
     * logs a console error. The page's fields ({@code f}, jQuery's xhrFields) are set right after open, as jQuery
     * does, so ours (handlers, credentials) win, except a shorter timeout of theirs: in the original both time limits
     * ran. The body is read from {@code response}, which a {@code responseType} of theirs may make an object.
     */
    @JSBody(params = {"m", "u", "h", "b", "p", "t", "c", "y", "f", "cb"}, script = ""
            + "var $x=new XMLHttpRequest(),$f=0;"
            + "function $fin($to){if($f)return;$f=1;var $s=$to?0:$x.status,$r=null,$b=$s?$x.response:'';"
            + "if($s===429||$s===503){var $m=/(?:^|\\n)retry-after:\\s*([^\\r\\n]*)/i"
            + ".exec($x.getAllResponseHeaders());$r=$m&&$m[1];}"
            + "cb($s,typeof $b==='string'?$b:$b==null||$x.responseType!=='json'?'':JSON.stringify($b),"
            + "$s?$x.getResponseHeader('Content-Type')||'':'',!!$to,$r);}"
            + "try{$x.open(m,u,true);if(f)for(var $k in f)$x[$k]=f[$k];"
            + "$x.onload=function(){$fin(0);};$x.onerror=$x.onabort=function(){$fin(0);};"
            + "$x.ontimeout=function(){$fin(1);};"
            + "for(var $i=0;$i<h.length;$i+=2)$x.setRequestHeader(h[$i],h[$i+1]);"
            + "if(t>0&&!($x.timeout>0&&$x.timeout<t))$x.timeout=t;$x.withCredentials=c;"
            + "if(y)$x.overrideMimeType('text/plain; charset=x-user-defined');var $d=b;"
            + "if(p){$d=new FormData();for(var $j=0;$j<p.length;$j+=2)$d.append(p[$j],p[$j+1]);}"
            + "$x.send($d===null?void 0:$d);}catch($e){setTimeout(function(){$fin(0);},0);}"
            + "return $x;")
    private static native JSObject send(String method, String url, String[] headers, String body, JSObject parts,
            int timeout, boolean credentials, boolean binary, JSObject fields, Done cb);

    @JSBody(params = "x", script = "try{x.abort();}catch($e){}")
    private static native void abort(JSObject xhr);
}
