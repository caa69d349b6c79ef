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
        JSObject[] parts = null;
        if (r.parts != null) {
            parts = new JSObject[r.parts.size()];
            for (int i = 0; i < parts.length; i++) {
                Object p = r.parts.get(i);
                parts[i] = p instanceof String ? JsValues.str((String) p) : JsValue.raw((Value) p);
            }
        }
        JSObject xhr = send(r.method, r.url, r.headers.strings(), r.body, parts, r.timeoutMs,
                r.withCredentials, r.binary, (status, text, type, timedOut, retryAfter) -> {
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
     * logs a console error.
     */
    @JSBody(params = {"m", "u", "h", "b", "p", "t", "c", "y", "cb"}, script = ""
            + "var $x=new XMLHttpRequest(),$f=0;"
            + "function $fin($to){if($f)return;$f=1;var $s=$to?0:$x.status,$r=null;"
            + "if($s===429||$s===503){var $m=/(?:^|\\n)retry-after:\\s*([^\\r\\n]*)/i"
            + ".exec($x.getAllResponseHeaders());$r=$m&&$m[1];}"
            + "cb($s,$s?$x.responseText||'':'',$s?$x.getResponseHeader('Content-Type')||'':'',!!$to,$r);}"
            + "$x.onload=function(){$fin(0);};$x.onerror=$x.onabort=function(){$fin(0);};"
            + "$x.ontimeout=function(){$fin(1);};"
            + "try{$x.open(m,u,true);for(var $i=0;$i<h.length;$i+=2)$x.setRequestHeader(h[$i],h[$i+1]);"
            + "if(t>0)$x.timeout=t;$x.withCredentials=c;"
            + "if(y)$x.overrideMimeType('text/plain; charset=x-user-defined');var $d=b;"
            + "if(p){$d=new FormData();for(var $j=0;$j<p.length;$j+=2)$d.append(p[$j],p[$j+1]);}"
            + "$x.send($d===null?void 0:$d);}catch($e){setTimeout(function(){$fin(0);},0);}"
            + "return $x;")
    private static native JSObject send(String method, String url, String[] headers, String body, JSObject[] parts,
            int timeout, boolean credentials, boolean binary, Done cb);

    @JSBody(params = "x", script = "try{x.abort();}catch($e){}")
    private static native void abort(JSObject xhr);
}
