package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.platform.Tabs;
import org.wcs.value.Value;

/**
 * {@link Tabs} in the browser: Web Locks elect the leader (the browser hands the lock on when its tab closes, crashes
 * or navigates away); where a page is no secure context (plain http) and has no Web Locks, a lease in
 * {@code localStorage} stands in (see {@link #lock}: a crashed holder is replaced within about 1.6 s). Messages
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

    /**
     * Locals are $-prefixed: the minifier renames the parameters (see BrowserHttp). The lease: every tab looks every
     * 200 ms. The holder renews it for 1 s, but never over another tab's live lease. A lapsed lease's holder is asked
     * over a channel first: a hidden holder's timers are held back (to once a minute after five minutes hidden), its
     * messages are not, so a live holder answers and renews instead of being taken over. A lease gone (pagehide), or
     * one whose holder did not answer by the next look, is claimed; the claim holds if it is still there at the next
     * look, lapsed or not (two tabs claiming at once: the later write wins; a hidden tab looks once a second). A
     * holder's goodbye on the channel makes the others look at once.
     */
    @JSBody(params = {"n", "cb"}, script = ""
            + "try{if(navigator.locks&&navigator.locks.request){navigator.locks.request(n,function(){"
            + "setTimeout(function(){cb(true);},0);return new Promise(function(){});});return;}}catch($e){}"
            + "var $k=n+':lease',$id=Math.random()+':'+Date.now(),$mine=0,$asked=null,$heard=null,$ch=null;"
            + "function $read(){try{return JSON.parse(localStorage.getItem($k)||'null');}catch($e){return null;}}"
            + "function $write(){try{localStorage.setItem($k,JSON.stringify({id:$id,until:Date.now()+1000}));}"
            + "catch($e){}}"
            + "function $post($m){try{$ch.postMessage($m);}catch($e){}}"
            + "function $tick(){var $l=$read(),$live=!!$l&&$l.until>Date.now();"
            + "if($mine){if(!$live||$l.id===$id)$write();return;}"
            + "if($l&&$l.id===$id){$mine=1;$write();cb(true);return;}if($live)return;"
            + "if($l&&($asked!==$l.id||$heard===$l.id)){$asked=$l.id;$heard=null;$post({ping:$l.id});return;}"
            + "$write();}"
            + "try{$ch=new BroadcastChannel($k);$ch.onmessage=function($e){var $d=$e.data||{};"
            + "if($mine&&$d.ping===$id){$write();$post({alive:$id});}else if($d.alive){$heard=$d.alive;}"
            + "else if($d.bye){$tick();}};}catch($e){}"
            + "setInterval($tick,200);setTimeout($tick,0);"
            + "window.addEventListener('pagehide',function(){if($mine){try{localStorage.removeItem($k);}"
            + "catch($e){}$post({bye:1});}});")
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
