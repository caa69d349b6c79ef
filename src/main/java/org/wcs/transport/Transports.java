package org.wcs.transport;

import org.wcs.transport.nexus.NexusTransport;

/**
 * The production choice of transport, from {@code _genesys.widgets.webchat}: {@code transport.type}
 * {@code purecloud-v2-sockets} or {@code pureengage-v3-rest}; otherwise GMS chat v2 from {@code dataURL}, over
 * CometD when {@code cometD.enabled}. A back end whose transport has not landed yet is not offered.
 */
public final class Transports implements TransportFactory {
    @Override
    public Transport create(TransportContext context) {
        String type = context.config.get("transport").get("type").str("");
        if (type.equals(NexusTransport.TYPE)) {
            return new NexusTransport(context);
        }
        return null;
    }
}
