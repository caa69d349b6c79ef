package org.wcs.browser;

import org.wcs.transport.StateCookies;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportFactory;
import org.wcs.transport.gms.GmsPushes;
import org.wcs.transport.gms.GmsTexts;
import org.wcs.transport.gms.GmsTransport;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * GMS chat v2, chosen when {@code _genesys.widgets.webchat} names no {@code transport.type}: from {@code dataURL}
 * (or {@code serverURL}), over CometD when {@code cometD.enabled} (where async chat is allowed, and not implemented:
 * the chat runs as a normal one).
 */
class GmsBackEnd implements TransportFactory {
    /** How CometD is opened; null in the REST-only build, which then holds no Bayeux code. */
    private final GmsPushes cometD;

    /** REST polling and CometD. */
    GmsBackEnd() {
        this(GmsPushes.cometD());
    }

    private GmsBackEnd(GmsPushes cometD) {
        this.cometD = cometD;
    }

    /** REST polling only: a configuration that enables CometD is refused. */
    static GmsBackEnd restOnly() {
        return new RestOnly();
    }

    /** A class of its own so that the builds with CometD hold neither this refusal nor its text. */
    private static final class RestOnly extends GmsBackEnd {
        RestOnly() {
            super(null);
        }

        @Override
        public Transport create(TransportContext context) {
            Value config = context.config;
            if (!config.get("transport").get("type").truthy() && config.get("cometD").get("enabled").truthy()) {
                throw new IllegalArgumentException(GmsTexts.NO_COMETD_IN_BUILD);
            }
            return super.create(context);
        }
    }

    @Override
    public Transport create(TransportContext context) {
        Value config = context.config;
        if (config.get("transport").get("type").truthy()) {
            return null;
        }
        boolean cometD = config.get("cometD").get("enabled").truthy();
        if (!cometD && !config.get("dataURL").isString() && !config.get("serverURL").isString()) {
            return null;
        }
        Value setSessionData = config.get("async").get("setSessionData");
        if (!cometD && setSessionData.isFunction()) {
            Value stored;
            try {
                stored = setSessionData.call(Values.undefined(), Values.of(StateCookies.STATE + "open"));
            } catch (JsError e) {
                e.surface(); // the page's callback failed: as if it stored nothing
                stored = Values.undefined();
            }
            if (stored.isString() && !stored.str().isEmpty() || stored.isRecord() && stored.keys().length > 0) {
                throw new IllegalArgumentException(GmsTexts.ASYNC_NEEDS_COMETD);
            }
        }
        return new GmsTransport(context, this.cometD);
    }
}
