package org.wcs.jsapi;

import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Where a session talks to (spec §6): the options of the call over {@code chatServiceConfig.defaults}, then
 * {@code options.transport}, then the page's {@code _genesys.widgets.webchat}, then (restore only) the stored state;
 * turned into the configuration of the private core, GMS over REST ({@code dataURL}) or CometD ({@code serverUrl}).
 */
final class Connection {
    /** Options passed to the core unchanged (spec §5.1). */
    private static final String[] PASSED = {"apikey", "ajaxTimeout", "restoreTimeout", "maxMessageLength",
        "endpoint"};

    /** The core's configuration ({@code _genesys.widgets.webchat} keys). */
    final Value config;
    final String mode;
    final String endpoint;
    final String serviceName;

    private Connection(Value config, String serviceName) {
        this.config = config;
        this.serviceName = serviceName;
        boolean cometD = config.get("cometD").get("enabled").truthy();
        this.mode = cometD ? ChatServiceTexts.COMETD : ChatServiceTexts.REST;
        this.endpoint = cometD ? config.get("cometD").get("cometURL").str("")
                : config.get("dataURL").str(config.get("serverURL").str(""));
    }

    /**
     * The connection of {@code options} (already merged over the defaults), {@code webchat} and, when not null,
     * {@code state}; null when none of them names one.
     */
    static Connection resolve(Value options, Value webchat, Value state) {
        Value serverUrl = options.get("serverUrl");
        Value dataUrl = options.get("dataURL");
        String service = options.get("serviceName").str(null);
        Value config;
        if (serverUrl.isString() || dataUrl.isString()) {
            config = Values.object();
        } else if (options.get("transport").isRecord()) {
            config = Values.plainRecord(options.get("transport"));
        } else if (usable(webchat)) {
            config = Values.plainRecord(webchat);
        } else if (state != null) {
            config = Values.object();
            if (state.get("mode").str("").equals(ChatServiceTexts.COMETD)) {
                serverUrl = state.get("endpoint");
            } else {
                dataUrl = state.get("endpoint");
            }
            service = service != null ? service : state.get("serviceName").str(null);
        } else {
            return null;
        }
        if (config == null) {
            return null;
        }
        if (serverUrl.isString()) {
            String name = service != null ? service : ChatServiceTexts.DEFAULT_SERVICE;
            config.set("cometD", Values.object().set("enabled", true).set("cometURL", trimSlashes(serverUrl.str()))
                    .set("channel", ChatServiceTexts.CHANNEL_PREFIX + name));
            service = name;
        } else if (dataUrl.isString()) {
            config.set("dataURL", dataUrl);
        }
        for (String key : PASSED) {
            if (!options.get(key).isUndefined()) {
                config.set(key, options.get(key));
            }
        }
        if (service == null) {
            service = serviceOf(config);
        }
        if (!config.get("cometD").get("enabled").truthy() && !config.get("dataURL").isString()
                && !config.get("serverURL").isString()) {
            return null;
        }
        config.remove("transport"); // GMS only: the API has no other back end
        return new Connection(config, service);
    }

    private static boolean usable(Value webchat) {
        return webchat.isRecord() && (webchat.get("dataURL").isString() || webchat.get("serverURL").isString()
                || webchat.get("cometD").get("enabled").truthy());
    }

    /** The service name of a configuration: its CometD channel's last part, or the last segment of dataURL. */
    private static String serviceOf(Value config) {
        String path = config.get("cometD").get("enabled").truthy()
                ? config.get("cometD").get("channel").str(ChatServiceTexts.CHANNEL_PREFIX
                        + ChatServiceTexts.DEFAULT_SERVICE)
                : trimSlashes(config.get("dataURL").str(config.get("serverURL").str("")));
        return path.substring(path.lastIndexOf("/") + 1);
    }

    static String trimSlashes(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    int restoreTimeout() {
        Value v = config.get("restoreTimeout");
        return v.isNumber() && v.num() > 0 ? (int) v.num() : 60000;
    }

    int maxMessageLength() {
        Value v = config.get("maxMessageLength");
        return v.isNumber() && v.num() > 0 ? (int) v.num() : 0;
    }
}
