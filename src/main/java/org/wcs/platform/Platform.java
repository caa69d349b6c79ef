package org.wcs.platform;

/** Everything the core needs from its host, wired once by the entry point (browser) or by a test (JVM). */
public final class Platform {
    public final Scheduler scheduler;
    public final Http http;
    public final WebSockets webSockets;
    public final Cookies cookies;
    public final Storage storage;
    public final Page page;
    public final RandomSource random;

    public Platform(Scheduler scheduler, Http http, WebSockets webSockets, Cookies cookies, Storage storage, Page page,
            RandomSource random) {
        this.scheduler = scheduler;
        this.http = http;
        this.webSockets = webSockets;
        this.cookies = cookies;
        this.storage = storage;
        this.page = page;
        this.random = random;
    }
}
