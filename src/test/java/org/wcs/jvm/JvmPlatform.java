package org.wcs.jvm;

import org.wcs.platform.Platform;

/** One "browser tab" on the JVM: loop, page, real HTTP and WebSockets, cookie jar, storage, seeded randomness. */
public final class JvmPlatform {
    static {
        JvmValues.install();
    }

    public final JvmLoop loop;
    public final JvmPage page;
    public final JvmHttp http;
    public final JvmWebSockets webSockets;
    public final JvmCookies cookies;
    public final JvmStorage storage;
    /** The way to the servers, which a test can cut: every request and socket of the platform goes through it. */
    public final JvmNetwork network;
    public double nextRandom = 0.5;
    public final Platform platform;

    public JvmPlatform() {
        this(new JvmLoop(), new JvmCookies(), new JvmStorage());
    }

    /** A tab sharing the clock, cookies and storage of others: a second tab of the same site. */
    public JvmPlatform(JvmLoop loop, JvmCookies cookies, JvmStorage storage) {
        this(loop, cookies, storage, null);
    }

    /** A tab whose HTTP goes to {@code http} instead of the network (e.g. a {@link ScriptedHttp}). */
    public JvmPlatform(JvmLoop loop, JvmCookies cookies, JvmStorage storage, org.wcs.platform.Http http) {
        this(loop, cookies, storage, http, null);
    }

    /** A tab of {@link JvmTabs}: it talks to its sibling tabs, and its timers and I/O stop when it is closed. */
    JvmPlatform(JvmLoop loop, JvmCookies cookies, JvmStorage storage, org.wcs.platform.Http http,
            JvmTabs.Tab tab) {
        this.loop = loop;
        this.page = new JvmPage(loop);
        this.http = new JvmHttp(loop);
        this.webSockets = new JvmWebSockets(loop);
        this.cookies = cookies;
        if (cookies.location == null) {
            cookies.location = () -> page.href;
        }
        this.storage = storage;
        this.network = new JvmNetwork(loop);
        org.wcs.platform.Http h = network.http(http == null ? this.http : http);
        org.wcs.platform.WebSockets ws = network.webSockets(webSockets);
        this.platform = tab == null ? new Platform(loop, h, ws, cookies, storage, page, () -> nextRandom)
                : new Platform(tab.scheduler(loop), tab.http(h), tab.webSockets(ws), cookies, storage, page,
                        () -> nextRandom, Platform.UNSTAMPED, tab);
    }
}
