package org.wcs.browser;

import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportFactory;
import org.wcs.transport.pureconnect.BotsTransport;
import org.wcs.transport.pureconnect.RestTransport;

/**
 * PureConnect chat, chosen by {@code transport.type: 'pureconnect-v4-rest'} (ICWS web chat) or
 * {@code 'pureconnect-v4-chatbots'} (chat bots through Genesys's connector).
 */
final class PureConnectBackEnd implements TransportFactory {
    @Override
    public Transport create(TransportContext context) {
        String type = context.config.get("transport").get("type").str();
        return RestTransport.TYPE.equals(type) ? new RestTransport(context)
                : BotsTransport.TYPE.equals(type) ? new BotsTransport(context) : null;
    }
}
