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
    /** The site's other tabs in this browser ({@link Tabs#NONE} where a chat is not shared between tabs). */
    public final Tabs tabs;
    /**
     * The product's version as the build stamped it (the POM's), published as {@code WebChatService.data.version}
     * and {@code _genesys.chatService.version}; {@link #UNSTAMPED} where no build stamped one (JVM tests, test
     * bundles that skip the minifier).
     */
    public final String version;

    public static final String UNSTAMPED = "dev";

    public Platform(Scheduler scheduler, Http http, WebSockets webSockets, Cookies cookies, Storage storage, Page page,
            RandomSource random) {
        this(scheduler, http, webSockets, cookies, storage, page, random, UNSTAMPED);
    }

    public Platform(Scheduler scheduler, Http http, WebSockets webSockets, Cookies cookies, Storage storage, Page page,
            RandomSource random, String version) {
        this(scheduler, http, webSockets, cookies, storage, page, random, version, Tabs.NONE);
    }

    public Platform(Scheduler scheduler, Http http, WebSockets webSockets, Cookies cookies, Storage storage, Page page,
            RandomSource random, String version, Tabs tabs) {
        this.tabs = tabs;
        this.scheduler = scheduler;
        this.http = http;
        this.webSockets = webSockets;
        this.cookies = cookies;
        this.storage = storage;
        this.page = page;
        this.random = random;
        this.version = version;
    }
}
