package org.wcs.transport.gms;

import org.wcs.transport.TransportContext;

/**
 * How a build opens GMS's CometD link. A REST-only build passes none (null) to {@link GmsTransport}, so it holds no
 * Bayeux code, and its back end refuses a configuration that enables CometD ({@link GmsTexts#NO_COMETD_IN_BUILD}).
 */
public abstract class GmsPushes {
    /** CometD available (the all-back-ends file and the GMS builds). */
    public static GmsPushes cometD() {
        return new CometD();
    }

    abstract GmsPush open(GmsTransport transport, TransportContext context);

    private static final class CometD extends GmsPushes {
        @Override
        GmsPush open(GmsTransport transport, TransportContext context) {
            return new GmsComet(transport, context);
        }
    }
}
