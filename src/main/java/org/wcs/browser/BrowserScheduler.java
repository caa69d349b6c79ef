package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wcs.platform.Cancellable;
import org.wcs.platform.Scheduler;

/** {@code Date.now()} and {@code setTimeout}/{@code clearTimeout}. */
final class BrowserScheduler implements Scheduler {
    @Override
    public long now() {
        return (long) dateNow();
    }

    @JSBody(script = "return Date.now();")
    private static native double dateNow();

    @Override
    public Cancellable schedule(int delayMs, Runnable task) {
        int id = setTimeout(() -> task.run(), delayMs);
        return () -> clearTimeout(id);
    }

    @JSFunctor
    interface Task extends JSObject {
        void run();
    }

    @JSBody(params = {"f", "ms"}, script = "return setTimeout(f,ms);")
    private static native int setTimeout(Task f, int ms);

    @JSBody(params = "id", script = "clearTimeout(id);")
    private static native void clearTimeout(int id);
}
