package org.wcs.service;

import org.wcs.bus.Command;
import org.wcs.bus.Plugin;
import org.wcs.platform.Platform;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** The WebChatService plugin (skeleton: configure, ready and session data). */
public final class WebChatService {
    final Plugin plugin;
    final Platform platform;
    private final boolean hosted;

    WebChatService(Plugin plugin, Platform platform, boolean hosted) {
        this.plugin = plugin;
        this.platform = platform;
        this.hosted = hosted;
        plugin.registerCommand("configure", this::configure);
        plugin.registerCommand("getSessionData", c -> c.resolve(Values.object().set("sessionID", "")
                .set("userId", "").set("secureKey", "").set("alias", "")));
    }

    /** Reads the global {@code _genesys.widgets.webchat}, configures itself with it, then becomes ready. */
    void configureFromPage() {
        Value config = platform.page.window().get("_genesys").get("widgets").get("webchat");
        if (hosted && (!config.isObject() || config.keys().length == 0)) {
            return;
        }
        plugin.command("configure", config).done((self, args) -> {
            plugin.ready();
            plugin.republish("ready", Values.object());
        });
    }

    private void configure(Command c) {
        if (c.data.keys().length == 0) {
            c.reject(Values.of(Texts.INVALID_CONFIGURATION));
            return;
        }
        c.resolve();
    }
}
