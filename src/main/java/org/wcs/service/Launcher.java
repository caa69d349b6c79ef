package org.wcs.service;

import org.wcs.bus.Bus;
import org.wcs.bus.BusApi;
import org.wcs.bus.ForeignPlugin;
import org.wcs.bus.LocalPlugin;
import org.wcs.bus.Plugin;
import org.wcs.platform.Platform;
import org.wcs.tabs.SharedTabs;
import org.wcs.tabs.TabLayer;
import org.wcs.transport.TransportFactory;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Starts the plugin while the script is evaluated. On a page that runs a CXBus (Genesys Widgets) it registers
 * {@code WebChatService} there at once and configures itself on the sticky {@code App.ready}, as Genesys's loader
 * does. On a page without one it installs our bus as {@code window.CXBus} and {@code window._genesys.widgets.bus}
 * and becomes ready immediately.
 */
public final class Launcher {
    public static final String NAME = "WebChatService";

    private Launcher() {
    }

    /**
     * On a page with a CXBus, registers there as {@code startHosted} does; on a page without, our bus installed as
     * {@code window.CXBus} and {@code _genesys.widgets.bus}. Returns the service, or null when the page's bus refused
     * the name. {@code layers}: as in {@link #startHosted}.
     */
    public static WebChatService start(Platform platform, TransportFactory factory, TabLayer.Maker layers) {
        Value window = platform.page.window();
        Value pageBus = pageBus(window);
        if (pageBus != null) {
            return register(pageBus, platform, factory, layers);
        }
        Bus bus = new Bus(platform.scheduler, platform.page);
        Value global = BusApi.global(bus);
        window.set("CXBus", global);
        LocalPlugin quick = bus.registerPlugin("QuickBus");
        quick.ready();
        Value quickApi = BusApi.plugin(quick).set("registerPlugin", global.get("registerPlugin"));
        child(child(window, "_genesys"), "widgets").set("bus", quickApi);
        Plugin plugin = bus.registerPlugin(NAME);
        WebChatService service = new WebChatService(plugin, platform, false, factory, layers);
        // Configure (and so restore) once the page is parsed, so that the page's own subscribers, which come after
        // our script tag, do not miss a non-sticky restored or restoreTimeout. (A lambda: the method reference would
        // pull in java.util.Objects.)
        platform.page.whenParsed(() -> service.configureFromPage());
        return service;
    }

    /**
     * Registers on the page's CXBus (Genesys Widgets) and configures on its sticky {@code App.ready}; the only start
     * of the builds for Genesys pages, which carry no bus of their own: on a page without one they say so on the
     * console and stay out of the way. {@code layers}: whether the chat is shared with the site's other tabs
     * ({@link SharedTabs}) or not (the lite builds). Returns the service, or null.
     */
    public static WebChatService startHosted(Platform platform, TransportFactory factory, TabLayer.Maker layers) {
        Value existing = pageBus(platform.page.window());
        if (existing == null) {
            platform.page.log(Texts.NO_PAGE_BUS);
            return null;
        }
        return register(existing, platform, factory, layers);
    }

    /**
     * Registers {@code WebChatService} on {@code pageBus} and configures on its sticky {@code App.ready}. Apart from
     * {@link #startHosted} so that the standalone builds, which call it from {@link #start}, hold no refusal text.
     */
    private static WebChatService register(Value pageBus, Platform platform, TransportFactory factory,
            TabLayer.Maker layers) {
        Value api = pageBus.get("registerPlugin").call(pageBus, Values.of(NAME));
        if (!api.isObject()) {
            return null;
        }
        WebChatService service = new WebChatService(new ForeignPlugin(api, NAME, platform.scheduler), platform,
                true, factory, layers);
        service.plugin.subscribe("App.ready", envelope -> service.configureFromPage());
        return service;
    }

    /**
     * A chat core on a private bus, for the Chat Service JS API: {@code plugin} is its {@code WebChatService} on that
     * bus, invisible to the page; the caller configures it (as the core's own plugin) and drives it with commands.
     */
    public static WebChatService privateCore(Plugin plugin, Platform platform, TransportFactory factory) {
        return new WebChatService(plugin, platform, false, factory, new SharedTabs());
    }

    /** The page's CXBus, or null when it has none. */
    private static Value pageBus(Value window) {
        Value bus = window.get("CXBus");
        return bus.isObject() && bus.get("registerPlugin").isFunction() ? bus : null;
    }

    /** {@code parent[key]}, created as {} when it is not an object yet. */
    static Value child(Value parent, String key) {
        Value v = parent.get(key);
        if (!v.isObject()) {
            v = Values.object();
            parent.set(key, v);
        }
        return v;
    }
}
