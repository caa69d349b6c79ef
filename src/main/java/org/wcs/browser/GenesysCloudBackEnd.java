package org.wcs.browser;

import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportFactory;
import org.wcs.transport.purecloud.PureCloudTransport;

/** Genesys Cloud guest chat, chosen by {@code transport.type: 'purecloud-v2-sockets'}. */
final class GenesysCloudBackEnd implements TransportFactory {
    @Override
    public Transport create(TransportContext context) {
        return PureCloudTransport.TYPE.equals(context.config.get("transport").get("type").str())
                ? new PureCloudTransport(context) : null;
    }
}
