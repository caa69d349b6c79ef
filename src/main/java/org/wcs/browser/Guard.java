package org.wcs.browser;

import org.wcs.service.WebChatService;

/**
 * The one way a fault of ours leaves Java at the browser's edge. Every entry from the browser into Java (XHR and
 * WebSocket callbacks, timers, DOM events, functions page code calls, the entry point) catches what it throws and
 * hands it here: a console line, and the service's {@code error} event once the service exists. Nothing of ours
 * reaches the page as an uncaught exception; the page's own errors take another path ({@link
 * org.wcs.value.JsError#surface}).
 */
final class Guard {
    /** The service to report through; null until it exists (the entry point's own faults go to the console only). */
    static WebChatService service;

    private Guard() {
    }

    static void fault(Throwable t) {
        String message = String.valueOf(t.getMessage());
        Browser.report("WebChatService: " + message);
        try {
            if (service != null) {
                service.fault(message);
            }
        } catch (Throwable again) {
            Browser.report("WebChatService: " + again.getMessage());
        }
    }
}
