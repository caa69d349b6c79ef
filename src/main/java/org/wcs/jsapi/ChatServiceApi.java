package org.wcs.jsapi;

import org.wcs.platform.Platform;
import org.wcs.transport.TransportFactory;
import org.wcs.value.JsError;
import org.wcs.value.JsFunction;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Installs the Chat Service JS API (spec §2) while the script is evaluated, beside the {@code WebChatService} plugin
 * and whatever the bus mode: {@code window._genesys.chatService} with {@code startSession}, {@code restoreSession},
 * {@code startChat} (an alias) and {@code version} (the build's, {@link Platform#version}); {@code window[exportAs]} when {@code _genesys.chatServiceConfig}
 * asks; its {@code onReady} callbacks on a later task. It registers nothing on any bus.
 */
public final class ChatServiceApi implements JsFunction {
    private static final int START = 0, RESTORE = 1, READY = 3;

    private final ChatService service;
    private final int op;
    private final Value api;

    private ChatServiceApi(ChatService service, int op, Value api) {
        this.service = service;
        this.op = op;
        this.api = api;
    }

    /** Installs the API on the page; returns the API object (the first one when the bundle was loaded before). */
    public static Value install(Platform platform, TransportFactory gms) {
        Value window = platform.page.window();
        Value genesys = window.get("_genesys");
        if (!genesys.isObject()) {
            genesys = Values.object();
            window.set("_genesys", genesys);
        }
        Value existing = genesys.get(ChatServiceTexts.GLOBAL);
        if (existing.isObject() && existing.get(ChatServiceTexts.API[0]).isFunction()) {
            platform.page.log(ChatServiceTexts.ALREADY_INSTALLED);
            return existing;
        }
        ChatService service = new ChatService(platform, gms);
        Value api = Values.object();
        for (int i = 0; i < ChatServiceTexts.API.length; i++) {
            api.set(ChatServiceTexts.API[i], Values.function(new ChatServiceApi(service, i == 2 ? START : i, api)));
        }
        api.set("version", platform.version);
        genesys.set(ChatServiceTexts.GLOBAL, api);
        Value config = genesys.get(ChatServiceTexts.CONFIG);
        String exportAs = config.get("exportAs").str();
        if (exportAs != null && !exportAs.isEmpty()) {
            window.set(exportAs, api);
        }
        if (config.get("onReady").isFunction() || config.get("onReady").isArray()) {
            service.outbox.run(new ReadyCallbacks(new ChatServiceApi(service, READY, api), config.get("onReady")));
        }
        return api;
    }

    @Override
    public Value call(Value self, Value[] args) {
        Value options = args.length > 0 ? args[0] : Values.undefined();
        return op == START ? service.start(options) : service.restore(options);
    }

    /** Each {@code onReady} function once, with the API object; one that throws does not stop the others. */
    private static final class ReadyCallbacks implements Runnable {
        private final ChatServiceApi owner;
        private final Value callbacks;

        ReadyCallbacks(ChatServiceApi owner, Value callbacks) {
            this.owner = owner;
            this.callbacks = callbacks;
        }

        @Override
        public void run() {
            Value list = callbacks.isArray() ? callbacks : Values.arrayOf(callbacks);
            for (int i = 0; i < list.length(); i++) {
                if (list.at(i).isFunction()) {
                    try {
                        list.at(i).call(Values.undefined(), owner.api);
                    } catch (JsError e) {
                        e.surface();
                    }
                }
            }
        }
    }
}
