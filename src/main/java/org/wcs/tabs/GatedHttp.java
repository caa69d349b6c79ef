package org.wcs.tabs;

import org.wcs.platform.Cancellable;
import org.wcs.platform.Http;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.platform.Scheduler;

/**
 * The back end's HTTP in a tab that shares its chat: a request goes only while the tab's hub is
 * {@link TabHub#awake awake}. A leader that finds it lost the lock in the middle of handling an answer (its page
 * resumed after another tab took over) steps down there, and whatever its transport still asks for then fails as a
 * network failure, on a later turn, without leaving the browser; the hub drops what the transport makes of it.
 */
final class GatedHttp implements Http {
    private final Http inner;
    private final Scheduler scheduler;
    private final TabHub hub;

    GatedHttp(Http inner, Scheduler scheduler, TabHub hub) {
        this.inner = inner;
        this.scheduler = scheduler;
        this.hub = hub;
    }

    @Override
    public Cancellable send(HttpRequest request, Callback callback) {
        if (hub.awake()) {
            return inner.send(request, callback);
        }
        return scheduler.schedule(0, () -> callback.onResponse(new HttpResponse(0, "", null, false)));
    }
}
