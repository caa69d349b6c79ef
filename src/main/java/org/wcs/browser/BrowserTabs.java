package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.platform.Tabs;
import org.wcs.value.Value;

/**
 * {@link Tabs} in the browser: Web Locks elect the leader (the browser hands the lock on when its tab closes, crashes
 * or navigates away); where a page is no secure context (plain http) and has no Web Locks, a lease in
 * {@code localStorage} stands in (see {@link #lock}: a crashed holder is replaced within about 1.6 s, and a frozen one
 * that comes back gives up). Messages
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

    /** Per lock name, the function that tells whether this tab still holds it (see {@link #lock}). */
    private final JSObject holders = holders();

    @JSBody(script = "return {};")
    private static native JSObject holders();

    @Override
    public void lead(String name, Leader leader) {
        keep(holders, name, lock(name, held -> {
            try {
                if (held) {
                    leader.granted();
                } else {
                    leader.lost();
                }
            } catch (Throwable t) {
                Guard.fault(t);
            }
        }));
    }

    @JSBody(params = {"h", "n", "f"}, script = "h[n]=f;")
    private static native void keep(JSObject holders, String name, JSObject holds);

    @Override
    public boolean holds(String name) {
        return holds(holders, name);
    }

    @JSBody(params = {"h", "n"}, script = "var $f=h[n];return !!$f&&$f();")
    private static native boolean holds(JSObject holders, String name);

    @JSFunctor
    interface Granted extends JSObject {
        /** True: this tab holds the lock now; false: it lost it. */
        void run(boolean held);
    }

    /**
     * Locals are $-prefixed: the minifier renames the parameters (see BrowserHttp). Returns the function that says
     * whether this tab still holds the lock. A Web Lock is held until the page goes away.
     *
     * <p>The lease: every tab looks every 200 ms. The holder renews it for 1 s, but never over another tab's live
     * lease. A lapsed lease's holder is asked over a channel first: a hidden holder's timers are held back (to once a
     * minute after five minutes hidden), its messages are not, so a live holder answers and renews instead of being
     * taken over. A lease gone (pagehide), or one whose holder did not answer by the next look, is claimed; the claim
     * holds if it is still there at the next look, lapsed or not (two tabs claiming at once: the later write wins; a
     * hidden tab looks once a second). A holder's goodbye on the channel makes the others look at once. A holder that
     * was silent too long (frozen, or blocked by a long task) finds another tab's live lease when it looks again, at
     * its next look, at a ping, or when asked ({@code $keep}): it gives up, says so on a later turn, and waits in line
     * like any other tab.
     */
    @JSBody(params = {"n", "cb"}, script = ""
            + "try{if(navigator.locks&&navigator.locks.request){var $g=0;navigator.locks.request(n,function(){"
            + "$g=1;setTimeout(function(){cb(true);},0);return new Promise(function(){});});"
            + "return function(){return !!$g;};}}catch($e){}"
            + "var $k=n+':lease',$id=Math.random()+':'+Date.now(),$mine=0,$asked=null,$heard=null,$ch=null;"
            + "function $read(){try{return JSON.parse(localStorage.getItem($k)||'null');}catch($e){return null;}}"
            + "function $write(){try{localStorage.setItem($k,JSON.stringify({id:$id,until:Date.now()+1000}));}"
            + "catch($e){}}"
            + "function $post($m){try{$ch.postMessage($m);}catch($e){}}"
            + "function $keep(){if($mine){var $l=$read();if($l&&$l.id!==$id&&$l.until>Date.now()){$mine=0;"
            + "setTimeout(function(){cb(false);},0);}}return !!$mine;}"
            + "function $tick(){if($mine){if($keep())$write();return;}var $l=$read(),$live=!!$l&&$l.until>Date.now();"
            + "if($l&&$l.id===$id){$mine=1;$write();cb(true);return;}if($live)return;"
            + "if($l&&($asked!==$l.id||$heard===$l.id)){$asked=$l.id;$heard=null;$post({ping:$l.id});return;}"
            + "$write();}"
            + "try{$ch=new BroadcastChannel($k);$ch.onmessage=function($e){var $d=$e.data||{};"
            + "if($d.ping===$id&&$keep()){$write();$post({alive:$id});}else if($d.alive){$heard=$d.alive;}"
            + "else if($d.bye){$tick();}};}catch($e){}"
            + "setInterval($tick,200);setTimeout($tick,0);"
            + "window.addEventListener('pagehide',function(){if($mine){try{localStorage.removeItem($k);}"
            + "catch($e){}$post({bye:1});}});return $keep;")
    private static native JSObject lock(String name, Granted cb);

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
        leaving(ok -> {
            try {
                task.run();
            } catch (Throwable t) {
                Guard.fault(t);
            }
        });
    }

    @JSBody(params = "cb", script = "window.addEventListener('pagehide',function(){cb(true);});")
    private static native void leaving(Granted cb);
}
