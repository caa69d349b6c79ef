package org.wcs.service;

import org.wcs.bus.Plugin;
import org.wcs.tabs.TabLayer;
import org.wcs.tabs.WindowMirror;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * {@code webchat.syncTabs}: the WebChat UI's window is minimised or restored in every tab of the site when it is in
 * one. A tab's {@code WebChat.minimized} / {@code WebChat.unminimized} goes to the others over the tabs' channel;
 * each of them sends its own WebChat {@code WebChat.minimize} with {@code {minimized}}, if its window is open.
 *
 * <p>WebChat publishes the event again for every {@code minimize} it is sent, even one that changes nothing, so each
 * tab remembers the state the tabs last agreed on and passes on only a change from it: a mirrored minimise does not
 * come back.
 */
final class WindowSync implements WindowMirror {
    static final String MINIMIZED = "WebChat.minimized";
    static final String UNMINIMIZED = "WebChat.unminimized";
    static final String MINIMIZE = "WebChat.minimize";
    /** WebChat's data key: its window is open. */
    static final String OPEN = "WebChat.open";

    private final Plugin plugin;
    private TabLayer tabs;
    /** The state the tabs last agreed on: -1 before any, 1 minimised, 0 not. */
    private int agreed = -1;

    WindowSync(Plugin plugin) {
        this.plugin = plugin;
        plugin.subscribe(MINIMIZED, e -> changed(true));
        plugin.subscribe(UNMINIMIZED, e -> changed(false));
    }

    /** Mirrors through {@code tabs} from now on; null stops mirroring (the option was turned off). */
    void use(TabLayer tabs) {
        if (this.tabs != null && this.tabs != tabs) {
            this.tabs.mirror(null);
        }
        this.tabs = tabs;
        if (tabs != null) {
            tabs.mirror(this);
        }
    }

    /** This tab's WebChat window was minimised or restored. */
    private void changed(boolean minimized) {
        if (tabs == null || agreed == (minimized ? 1 : 0)) {
            return;
        }
        agreed = minimized ? 1 : 0;
        tabs.window(minimized);
    }

    /** Another tab's was. */
    @Override
    public void minimized(boolean minimized) {
        agreed = minimized ? 1 : 0;
        Value open = plugin.data(OPEN);
        if (open.truthy()) {
            plugin.command(MINIMIZE, Values.object().set("minimized", minimized));
        }
    }
}
