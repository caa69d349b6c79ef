package org.wcs.browser;

import org.wcs.jsapi.ChatServiceApi;
import org.wcs.platform.Platform;
import org.wcs.service.Launcher;
import org.wcs.tabs.Alone;
import org.wcs.tabs.SharedTabs;
import org.wcs.tabs.TabLayer;
import org.wcs.transport.TransportFactory;
import org.wcs.value.Values;

/** Entry point of {@code plugins/webchatservice.min.js}: wires the browser edge and starts the plugin. */
public final class WebChatServiceMain {
    private WebChatServiceMain() {
    }

    public static void main(String[] args) {
        start(new Transports(), new GmsBackEnd());
    }

    /** Starts the plugin on the browser platform with the given transports (tests build bundles with fakes). */
    public static void start(TransportFactory transports) {
        try {
            Guard.service = Launcher.start(platform(), transports, new SharedTabs());
        } catch (Throwable t) {
            Guard.fault(t); // the page goes on without a chat rather than with our exception
        }
    }

    /**
     * Starts the plugin, then installs the Chat Service JS API ({@code window._genesys.chatService}) on
     * {@code chatServiceApi}, the GMS back end it runs on. Only the GMS builds come this way: the others, which call
     * {@link #start(TransportFactory)}, carry none of the API's code.
     */
    static void start(TransportFactory transports, TransportFactory chatServiceApi) {
        Platform platform = null;
        try {
            platform = platform();
            Guard.service = Launcher.start(platform, transports, new SharedTabs());
        } catch (Throwable t) {
            Guard.fault(t); // the page goes on without a chat rather than with our exception
        }
        install(platform, chatServiceApi);
    }

    /**
     * Starts the plugin on a Genesys Widgets page only: the builds that carry no bus of their own. {@code layers}:
     * {@link SharedTabs}, or {@link Alone} in the lite builds.
     */
    static void startHosted(TransportFactory transports, TabLayer.Maker layers) {
        try {
            Guard.service = Launcher.startHosted(platform(), transports, layers);
        } catch (Throwable t) {
            Guard.fault(t);
        }
    }

    /** The Chat Service JS API beside the plugin, whatever became of the plugin (it registers on no bus). */
    private static void install(Platform platform, TransportFactory gms) {
        if (platform == null) {
            return;
        }
        try {
            ChatServiceApi.install(platform, gms);
        } catch (Throwable t) {
            Guard.fault(t);
        }
    }

    private static Platform platform() {
        Values.install(new JsValues());
        Browser browser = new Browser();
        return new Platform(new BrowserScheduler(), new BrowserHttp(), new BrowserWebSockets(), new BrowserCookies(),
                new BrowserStorage(), browser, browser, BuildVersion.stamped(), new BrowserTabs());
    }
}
