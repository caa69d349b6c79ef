package org.wcs.bus;

import org.wcs.platform.Scheduler;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Our plugin on a CXBus that the page already runs (Genesys Widgets): every call goes to the interface that bus's
 * {@code registerPlugin} returned, and everything it calls back with is wrapped for the service.
 */
public final class ForeignPlugin implements Plugin {
    private final Value api;
    private final String name;
    private final Scheduler scheduler;

    public ForeignPlugin(Value api, String name, Scheduler scheduler) {
        this.api = api;
        this.name = name;
        this.scheduler = scheduler;
    }

    @Override
    public String name() {
        return name;
    }

    private Value invoke(String method, Value... args) {
        return guarded(api, method, args);
    }

    /**
     * Calls {@code target[method]} of the page's bus. That bus may run page code synchronously (a subscriber of what
     * we publish, the {@code done} callbacks of a command we resolve): an exception out of it goes back to the page
     * as an uncaught error on a later task, and never unwinds through the service (whose state it would leave half
     * changed) nor turns our command's outcome around.
     */
    private static Value guarded(Value target, String method, Value... args) {
        try {
            return target.get(method).call(target, args);
        } catch (JsError e) {
            e.surface();
            return Values.undefined();
        }
    }

    @Override
    public void registerCommand(String command, CommandHandler handler) {
        invoke("registerCommand", Values.of(command), Values.function((self, args) -> {
            Value c = (args.length > 0 ? args[0] : Values.undefined());
            Value deferred = c.get("deferred");
            Value time = c.get("time");
            Command cmd = new Command(time.isNumber() ? time.num() : scheduler.now(),
                    c.get("commander").str(""), c.get("command").str(name + "." + command),
                    c.get("data").isObject() ? c.get("data") : Values.object(),
                    (resolved, a) -> guarded(deferred, resolved ? "resolve" : "reject", a));
            try {
                handler.handle(cmd);
            } catch (RuntimeException e) {
                cmd.reject(Values.of(String.valueOf(e.getMessage())));
            }
            return Values.undefined();
        }));
    }

    @Override
    public void registerEvents(String[] events) {
        Value list = Values.array();
        for (String e : events) {
            list.push(Values.of(e));
        }
        invoke("registerEvents", list);
    }

    @Override
    public void publish(String event, Value data) {
        invoke("publish", Values.of(event), data);
    }

    @Override
    public void publishDirect(String event, Value data) {
        invoke("publishDirect", Values.of(event), data);
    }

    @Override
    public void republish(String event, Value data) {
        invoke("republish", Values.of(event), data);
    }

    @Override
    public void subscribe(String fullEvent, Subscriber subscriber) {
        invoke("subscribe", Values.of(fullEvent), Values.function((self, args) -> {
            subscriber.on((args.length > 0 ? args[0] : Values.undefined()));
            return Values.undefined();
        }));
    }

    @Override
    public Promise command(String command, Value data) {
        Value p = invoke("command", Values.of(command), data);
        return new Promise() {
            @Override
            public Promise done(Callback callback) {
                return on("done", callback);
            }

            @Override
            public Promise fail(Callback callback) {
                return on("fail", callback);
            }

            private Promise on(String method, Callback callback) {
                guarded(p, method, Values.function((self, args) -> {
                    callback.call(self, args);
                    return Values.undefined();
                }));
                return this;
            }
        };
    }

    @Override
    public Value data(String key) {
        return invoke("data", Values.of(key));
    }

    @Override
    public void data(String key, Value value) {
        invoke("data", Values.of(key), value);
    }

    @Override
    public Value subscribers() {
        return invoke("subscribers");
    }

    @Override
    public void ready() {
        invoke("ready");
    }
}
