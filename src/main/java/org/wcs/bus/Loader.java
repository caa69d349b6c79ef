package org.wcs.bus;

import org.wcs.util.Arr;
import org.wcs.util.Dict;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Lazy loading of plugin files, plain files and {@code .mod.js} modules by script injection (spec A.7). */
final class Loader {
    private final Bus bus;
    private final Arr<String> loadedPlugins = new Arr<>();
    private final Arr<String> loadedFiles = new Arr<>();
    final Dict<Value> modules = new Dict<>();

    Loader(Bus bus) {
        this.bus = bus;
    }

    Deferred loadPlugin(String name) {
        Deferred d = new Deferred();
        boolean clash = loadedPlugins.contains(name);
        for (int i = 0; i < bus.plugins.size(); i++) {
            clash |= Values.lower(bus.plugins.key(i)).equals(Values.lower(name));
        }
        if (clash) {
            d.reject();
            return d;
        }
        BusOptions o = bus.options;
        String format = o.pluginFilenameFormat;
        int at = format.indexOf("plugin");
        String file = Values.lower(at < 0 ? format : format.substring(0, at) + name + format.substring(at + 6));
        Value mapped = o.pluginMap.get(name);
        if (!mapped.truthy()) {
            mapped = o.pluginMap.get(Values.lower(name));
        }
        String url = o.pluginsPath + file;
        String m = mapped.str();
        if (m != null && m.length() >= 3 && m.endsWith("js")) {
            url = m;
        } else if (m != null && !m.isEmpty() || mapped.isBoolean() && !mapped.truthy()) {
            // a mapping to something that is not a script, or false: this plugin may not be loaded
            d.reject();
            return d;
        }
        bus.log("Loading plugin: " + url);
        bus.page.loadScript(url, () -> {
            loadedPlugins.add(name);
            d.settle(true, new Value[0]);
        }, () -> d.reject(Values.of(BusTexts.PLUGIN_FILE_FAILED + file)));
        return d;
    }

    Deferred loadFile(String url) {
        Deferred d = new Deferred();
        if (loadedFiles.contains(url)) {
            d.reject();
            return d;
        }
        loadedFiles.add(url);
        bus.page.loadScript(url, () -> d.settle(true, new Value[0]),
                () -> d.reject(Values.of(BusTexts.FILE_FAILED + url)));
        return d;
    }

    Deferred loadModule(String name) {
        Deferred d = new Deferred();
        if (modules.has(name)) {
            Value v = modules.get(name);
            bus.scheduler.schedule(0, () -> d.resolve(v));
            return d;
        }
        bus.page.loadScript(bus.options.pluginsPath + name + ".mod.js",
                () -> d.resolve(modules.has(name) ? modules.get(name) : Values.undefined()),
                () -> d.reject(Values.of(BusTexts.MODULE_FAILED + name)));
        return d;
    }

    boolean registerModule(String name, Value value) {
        if (modules.has(name)) {
            return false;
        }
        modules.put(name, value);
        return true;
    }
}
