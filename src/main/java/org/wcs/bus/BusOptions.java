package org.wcs.bus;

import org.wcs.value.Value;
import org.wcs.value.Values;

/** {@code CXBus.configure} options; each is taken only when it has the right type. */
public final class BusOptions {
    public boolean debug;
    public boolean log = true;
    public boolean logStore;
    public boolean async = true;
    public boolean loadPlugins = true;
    public String pluginsPath = "";
    public String pluginFilenameFormat = "plugin.min.js";
    public Value pluginMap = Values.object();
    public boolean unlocked;

    void apply(Value o) {
        if (!o.isObject()) {
            return;
        }
        debug = o.get("debug").bool(debug);
        log = o.get("log").bool(log);
        logStore = o.get("logStore").bool(logStore);
        async = o.get("async").bool(async);
        loadPlugins = o.get("loadPlugins").bool(loadPlugins);
        unlocked = o.get("unlocked").bool(unlocked);
        String path = o.get("pluginsPath").str();
        if (path != null) {
            pluginsPath = path.isEmpty() || path.endsWith("/") ? path : path + "/";
        }
        pluginFilenameFormat = o.get("pluginFilenameFormat").str(pluginFilenameFormat);
        if (o.get("pluginMap").isRecord()) {
            pluginMap = o.get("pluginMap");
        }
    }
}
