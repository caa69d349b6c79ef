package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.platform.Tabs;
import org.wcs.value.Value;

/**
 * {@link Tabs} in the browser: Web Locks elect the leader (the browser hands the lock on when its tab closes, crashes
 * or navigates away); where a page is no secure context (plain http) and has no Web Locks, a lease in
 * {@code localStorage} renewed every 500 ms stands in (taken over 2 s after its holder stopped renewing it). Messages
 * go by {@code BroadcastChannel}, which copies them as {@code postMessage} does.
 */
final class BrowserTabs implements Tabs {
    @Override
    public boolean available() {
        return available0();
    }

    @JSBody(script = "try{return typeof BroadcastChannel==='function'&&(!!(navigator.locks&&navigator.locks.request)"
            + "||!!window.localStorage);}catch($e){return false;}")
    private static native boolean available0();

    @Override
    public void lead(String name, Runnable granted) {
        lock(name, ok -> guarded(granted));
    }

    @JSFunctor
    interface Granted extends JSObject {
        void run(boolean ok);
    }

    /** Locals are $-prefixed: the minifier renames the parameters (see BrowserHttp). */
    @JSBody(params = {"n", "cb"}, script = ""
            + "try{if(navigator.locks&&navigator.locks.request){navigator.locks.request(n,function(){"
            + "setTimeout(function(){cb(true);},0);return new Promise(function(){});});return;}}catch($e){}"
            + "var $k=n+':lease',$id=Math.random()+':'+Date.now(),$mine=0;"
            + "function $read(){try{return JSON.parse(localStorage.getItem($k)||'null');}catch($e){return null;}}"
            + "function $write(){try{localStorage.setItem($k,JSON.stringify({id:$id,until:Date.now()+2000}));}"
            + "catch($e){}}"
            + "function $tick(){if($mine){$write();return;}var $l=$read();if(!$l||!($l.until>Date.now())){$write();"
            + "setTimeout(function(){var $c=$read();if(!$mine&&$c&&$c.id===$id){$mine=1;cb(true);}},50);}}"
            + "setInterval($tick,500);setTimeout($tick,0);"
            + "window.addEventListener('pagehide',function(){if($mine){try{localStorage.removeItem($k);}"
            + "catch($e){}}});")
    private static native void lock(String name, Granted cb);

    @Override
    public Channel join(String name, Receiver receiver) {
        JSObject channel = open(name, raw -> {
            try {
                receiver.receive(new JsValue(raw));
            } catch (Throwable t) {
                Guard.fault(t);
            }
        });
        return message -> post(channel, JsValue.raw(message));
    }

    @JSFunctor
    interface Message extends JSObject {
        void on(JSObject data);
    }

    @JSBody(params = {"n", "cb"}, script = "var $c=new BroadcastChannel(n);"
            + "$c.onmessage=function($e){cb($e.data);};return $c;")
    private static native JSObject open(String name, Message cb);

    @JSBody(params = {"c", "m"}, script = "try{c.postMessage(m);return true;}catch($e){return false;}")
    private static native boolean post(JSObject channel, JSObject message);

    @Override
    public void onLeave(Runnable task) {
        leaving(ok -> guarded(task));
    }

    @JSBody(params = "cb", script = "window.addEventListener('pagehide',function(){cb(true);});")
    private static native void leaving(Granted cb);

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            Guard.fault(t);
        }
    }
}
