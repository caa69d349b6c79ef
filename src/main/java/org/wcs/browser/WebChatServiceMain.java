package org.wcs.browser;

import org.wcs.platform.Platform;
import org.wcs.service.Launcher;
import org.wcs.transport.TransportFactory;
import org.wcs.value.Values;

/** Entry point of {@code plugins/webchatservice.min.js}: wires the browser edge and starts the plugin. */
public final class WebChatServiceMain {
    private WebChatServiceMain() {
    }

    public static void main(String[] args) {
        start(new Transports());
    }

    /** Starts the plugin on the browser platform with the given transports (tests build bundles with fakes). */
    public static void start(TransportFactory transports) {
        try {
            Guard.service = Launcher.start(platform(), transports);
        } catch (Throwable t) {
            Guard.fault(t); // the page goes on without a chat rather than with our exception
        }
    }

    /** Starts the plugin on a Genesys Widgets page only: the builds that carry no bus of their own. */
    static void startHosted(TransportFactory transports) {
        try {
            Guard.service = Launcher.startHosted(platform(), transports);
        } catch (Throwable t) {
            Guard.fault(t);
        }
    }

    private static Platform platform() {
        Values.install(new JsValues());
        Browser browser = new Browser();
        return new Platform(new BrowserScheduler(), new BrowserHttp(), new BrowserWebSockets(), new BrowserCookies(),
                new BrowserStorage(), browser, browser);
    }
}
