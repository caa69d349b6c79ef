package org.wcs.browser;

import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportFactory;
import org.wcs.transport.nexus.NexusTransport;

/** Multicloud CX v3 chat, chosen by {@code transport.type: 'pureengage-v3-rest'}. */
final class MulticloudBackEnd implements TransportFactory {
    @Override
    public Transport create(TransportContext context) {
        return NexusTransport.TYPE.equals(context.config.get("transport").get("type").str())
                ? new NexusTransport(context) : null;
    }
}
