package org.wcs.transport;

import org.wcs.platform.Platform;
import org.wcs.value.Value;

/** What a transport is built with: the host, the site's cookies, the configuration and whom to report to. */
public final class TransportContext {
    public final Platform platform;
    public final StateCookies cookies;
    /** {@code _genesys.widgets.webchat}. */
    public final Value config;
    public final TransportListener listener;

    public TransportContext(Platform platform, StateCookies cookies, Value config, TransportListener listener) {
        this.platform = platform;
        this.cookies = cookies;
        this.config = config;
        this.listener = listener;
    }

    /** A number option, or {@code fallback} when it is missing or not a number. */
    public int number(Value o, String key, int fallback) {
        Value v = o.get(key);
        return v.isNumber() && v.num() == v.num() ? (int) v.num() : fallback;
    }
}
