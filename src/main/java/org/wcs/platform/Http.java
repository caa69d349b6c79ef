package org.wcs.platform;

/** Asynchronous HTTP. The callback runs exactly once, on the host's event loop, never inside {@code send}. */
public interface Http {
    Cancellable send(HttpRequest request, Callback callback);

    interface Callback {
        void onResponse(HttpResponse response);
    }
}
