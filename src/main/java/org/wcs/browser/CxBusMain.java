package org.wcs.browser;

import org.wcs.bus.Bus;
import org.wcs.bus.BusApi;
import org.wcs.value.Values;

/**
 * Entry point of {@code plugins/cxbus.min.js}: our bus alone, installed as {@code window.CXBus} the way Genesys's
 * {@code cxbus.min.js} is, so pages (and our tests) can host plugins that lazy-load from {@code pluginsPath}.
 */
public final class CxBusMain {
    private CxBusMain() {
    }

    public static void main(String[] args) {
        try {
            Values.install(new JsValues());
            Browser browser = new Browser();
            browser.window().set("CXBus", BusApi.global(new Bus(new BrowserScheduler(), browser)));
        } catch (Throwable t) {
            Guard.fault(t);
        }
    }
}
