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
        JSObject xhr = send(r.method, r.url, r.headers.toArray(new String[0]), r.body, parts, r.timeoutMs,
                r.withCredentials, (status, text, type, timedOut, retryAfter) ->
                        callback.onResponse(new HttpResponse(status, text, type, timedOut, retryAfter)));
        return () -> abort(xhr);
    }

    @JSFunctor
    interface Done extends JSObject {
        void done(int status, String text, String type, boolean timedOut, String retryAfter);
    }

    /**
     * The callback always runs on a later turn, exactly once; a request the browser refuses reads as status 0. Local
     * names are long on purpose: the minifier renames the parameters to single letters, which a local of one letter
     * would shadow.
     */
    @JSBody(params = {"m", "u", "h", "b", "p", "t", "c", "cb"}, script = ""
            + "var xhr=new XMLHttpRequest(),fired=0;"
            + "function fin(to){if(fired)return;fired=1;var st=to?0:xhr.status;"
            + "cb(st,st?xhr.responseText||'':'',st?xhr.getResponseHeader('Content-Type')||'':'',!!to,"
            + "st?xhr.getResponseHeader('Retry-After'):null);}"
            + "xhr.onload=function(){fin(0);};xhr.onerror=xhr.onabort=function(){fin(0);};"
            + "xhr.ontimeout=function(){fin(1);};"
            + "try{xhr.open(m,u,true);for(var hi=0;hi<h.length;hi+=2)xhr.setRequestHeader(h[hi],h[hi+1]);"
            + "if(t>0)xhr.timeout=t;xhr.withCredentials=c;var data=b;"
            + "if(p){data=new FormData();for(var pi=0;pi<p.length;pi+=2)data.append(p[pi],p[pi+1]);}"
            + "xhr.send(data===null?void 0:data);}catch(err){setTimeout(function(){fin(0);},0);}"
            + "return xhr;")
    private static native JSObject send(String method, String url, String[] headers, String body, JSObject[] parts,
            int timeout, boolean credentials, Done cb);

    @JSBody(params = "x", script = "try{x.abort();}catch(e){}")
    private static native void abort(JSObject xhr);
}
