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
            if (kind == 0) {
                l.onOpen();
            } else if (kind == 1) {
                l.onMessage(text);
            } else {
                l.onClose(code, text);
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

    /** Local names are long on purpose: the minifier renames the parameters to single letters (see BrowserHttp). */
    @JSBody(params = {"u", "cb"}, script = ""
            + "var ws,ended=0;function end(code,why){if(ended)return;ended=1;"
            + "setTimeout(function(){cb(2,why||'',code);},0);}"
            + "try{ws=new WebSocket(u);}catch(err){end(1006,String(err));return null;}"
            + "ws.onopen=function(){cb(0,'',0);};"
            + "ws.onmessage=function(ev){if(!ended&&typeof ev.data==='string')cb(1,ev.data,0);};"
            + "ws.onerror=function(){end(1006,'error');};ws.onclose=function(ev){end(ev.code,ev.reason);};return ws;")
    private static native JSObject open(String url, Event cb);

    @JSBody(params = {"w", "t"}, script = "try{if(w&&w.readyState===1)w.send(t);}catch(e){}")
    private static native void sendText(JSObject ws, String text);

    @JSBody(params = {"w", "c", "r"}, script = "try{if(w)w.close(c,r);}catch(e){}")
    private static native void closeSocket(JSObject ws, int code, String reason);
}
