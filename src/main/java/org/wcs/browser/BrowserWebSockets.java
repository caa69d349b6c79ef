package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.platform.WebSockets;

/** {@link WebSockets} over the browser's WebSocket; a refused or broken connection ends in one onClose. */
final class BrowserWebSockets implements WebSockets {
    @Override
    public Socket open(String url, Listener l) {
        JSObject ws = open(url, (kind, text, code) -> {
            try {
                if (kind == 0) {
                    l.onOpen();
                } else if (kind == 1) {
                    l.onMessage(text);
                } else {
                    l.onClose(code, text);
                }
            } catch (Throwable t) {
                Guard.fault(t);
            }
        });
        return new Socket() {
            @Override
            public void send(String text) {
                sendText(ws, text);
            }

            @Override
            public void close(int code, String reason) {
                closeSocket(ws, code, reason);
            }
        };
    }

    @JSFunctor
    interface Event extends JSObject {
        void on(int kind, String text, int code);
    }

    /** Locals are $-prefixed: the minifier renames the parameters to single letters (see BrowserHttp). */
    @JSBody(params = {"u", "cb"}, script = ""
            + "var $w,$c=0;function $end($k,$r){if($c)return;$c=1;setTimeout(function(){cb(2,$r||'',$k);},0);}"
            + "try{$w=new WebSocket(u);}catch($e){$end(1006,String($e));return null;}"
            + "$w.onopen=function(){cb(0,'',0);};"
            + "$w.onmessage=function($e){if(!$c&&typeof $e.data==='string')cb(1,$e.data,0);};"
            + "$w.onerror=function(){$end(1006,'error');};$w.onclose=function($e){$end($e.code,$e.reason);};return $w;")
    private static native JSObject open(String url, Event cb);

    @JSBody(params = {"w", "t"}, script = "try{if(w&&w.readyState===1)w.send(t);}catch($e){}")
    private static native void sendText(JSObject ws, String text);

    @JSBody(params = {"w", "c", "r"}, script = "try{if(w)w.close(c,r);}catch($e){}")
    private static native void closeSocket(JSObject ws, int code, String reason);
}
