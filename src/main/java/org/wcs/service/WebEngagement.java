package org.wcs.service;

import org.wcs.bus.Callback;
import org.wcs.bus.Subscriber;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Genesys Web Engagement on the page (a plugin named {@code GWE}): as the original's GMS service does, once GWE is
 * ready its ids ({@code GWE.getIDs}: the visit and page ids) are merged into the user data, so the next start request
 * carries them and agents see which visit the chat came from. The original's other back ends (its nextgen service:
 * Genesys Cloud, v3) never ask, and neither does this for them.
 */
final class WebEngagement implements Subscriber, Callback {
    static final String READY = "GWE.ready";
    static final String GET_IDS = "GWE.getIDs";

    private final WebChatService service;
    private boolean watching;

    WebEngagement(WebChatService service) {
        this.service = service;
    }

    /** Listens for GWE (its ready is sticky, so a GWE that was ready first counts too). */
    void watch() {
        if (!watching) {
            watching = true;
            service.plugin.subscribe(READY, this);
        }
    }

    /** GWE is ready: ask for its ids. */
    @Override
    public void on(Value envelope) {
        if (service.gms()) {
            service.plugin.command(GET_IDS, Values.object()).done(this);
        }
    }

    /** The ids: merged into the user data (a later {@code updateUserData} or start data may still override them). */
    @Override
    public void call(Value self, Value[] args) {
        Value ids = args.length > 0 ? Values.plainRecord(args[0]) : null;
        if (ids != null && service.gms()) {
            service.userData = Values.assign(Values.assign(Values.object(), service.userData), ids);
            service.plugin.data("userData", service.userData);
        }
    }
}
