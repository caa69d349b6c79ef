package org.wcs.tabs;

import org.wcs.platform.Platform;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportListener;
import org.wcs.value.Value;

/**
 * The lite builds' tab layer: none. The service drives its back end and hears its reports directly, and each tab of
 * a site runs the chat on its own connection, as Genesys's own service does. So there is no offline outbox (a message
 * sent while the server is out of reach fails, as in the original), a hidden tab does not rest, and
 * {@code webchat.syncTabs} does nothing.
 */
public final class Alone implements TabLayer {
    private final TransportListener service;

    private Alone(TransportListener service) {
        this.service = service;
    }

    @Override
    public Platform platformFor(Platform platform) {
        return platform;
    }

    @Override
    public TransportListener hubListener() {
        return service;
    }

    @Override
    public Transport use(Transport transport, String type) {
        return transport;
    }

    @Override
    public void mirror(WindowMirror m) {
    }

    @Override
    public void window(boolean minimized) {
    }

    /** Makes the lite builds' layer. */
    public static final class Maker implements TabLayer.Maker {
        @Override
        public TabLayer open(Platform platform, Value config, TransportListener service) {
            return new Alone(service);
        }
    }
}
