package org.wcs.tabs;

import org.wcs.platform.Platform;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportListener;
import org.wcs.value.Value;

/**
 * How a tab's service reaches the back end it configured. The builds choose: {@link SharedTabs}, where the tabs of a
 * site share one chat (every build but the lite ones), or {@link Alone}, where each tab talks to its back end itself,
 * as Genesys's own service does (the lite builds, which so hold no other code of this package).
 */
public interface TabLayer {
    /** The platform the back end runs on. */
    Platform platformFor(Platform platform);

    /** Where the back end reports. */
    TransportListener hubListener();

    /**
     * Takes the back end built for this configuration ({@code type}: its {@code transport.type}, "gms" for GMS) and
     * returns the transport the service drives.
     */
    Transport use(Transport transport, String type);

    /** {@code webchat.syncTabs}: {@code m} hears the other tabs' WebChat window state; null stops it. */
    void mirror(WindowMirror m);

    /** Tells the other tabs that this tab's WebChat window was minimised or restored. */
    void window(boolean minimized);

    /** Opens a tab's layer, once, with the first configuration the service takes. */
    interface Maker {
        TabLayer open(Platform platform, Value config, TransportListener service);
    }
}
