package org.wcs.tabs;

import org.wcs.platform.Platform;
import org.wcs.transport.TransportListener;
import org.wcs.value.Value;

/**
 * The tab layer of the builds whose tabs share one chat ({@link TabClient}): per site and back end type, unless the
 * site said {@code tabs: false} or the browser cannot share (then the tab leads at once and tells no one).
 * (A class made where it is used, not a constant: a static field would give {@link TabClient} a class initialiser,
 * checked at every use.)
 */
public final class SharedTabs implements TabLayer.Maker {
    @Override
    public TabLayer open(Platform platform, Value config, TransportListener service) {
        boolean shares = platform.tabs.available() && config.get("tabs").bool(true);
        return new TabClient(platform, shares ? TabClient.channel(config.get("transport").get("type").str("gms"))
                : null, service);
    }
}
