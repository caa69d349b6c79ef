package org.wcs.bus;

import org.wcs.value.JsFunction;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The JS API of our bus: the {@code window.CXBus} global, plugin interfaces and deferreds, as plain JS objects whose
 * functions call into Java. Every such function is one instance of this class, an operation code and its target, so
 * the bundle carries one dispatcher instead of a class per method. Loose JS input gets the answers the original
 * gives ({@code false}, a rejection); nothing thrown in Java escapes to the page.
 */
public final class BusApi implements JsFunction {
    private static final String[] GLOBAL = {"registerPlugin", "registerMaster", "loadPlugin", "loadFile",
        "loadModule", "registerModule", "configure"};
    private static final String[] MASTER = {"lock", "unlock", "config"};
    private static final String[] PLUGIN = {"publish", "publishDirect", "republish", "subscribe", "unsubscribe",
        "command", "before", "registerCommand", "registerEvents", "namespace", "subscribers", "data", "registry",
        "ready"};
    private static final String[] PROMISE = {"done", "fail", "progress", "always", "then", "promise", "state",
        "isResolved", "isRejected", "debug", "pipe"};
    private static final String[] DEFERRED = {"resolve", "reject", "notify", "resolveWith", "rejectWith",
        "notifyWith"};
    private static final int G = 0, M = 10, P = 20, D = 40, F = 60, GET_INTERFACE = 15;
    // One name per function, in the order of the name arrays above (javac inlines them: no bytes in the bundle).
    private static final int
        REGISTER_PLUGIN = G, REGISTER_MASTER = G + 1, LOAD_PLUGIN = G + 2, LOAD_FILE = G + 3, LOAD_MODULE = G + 4,
        REGISTER_MODULE = G + 5, CONFIGURE = G + 6, LOCK = M, UNLOCK = M + 1, MASTER_CONFIG = M + 2, PUBLISH = P,
        PUBLISH_DIRECT = P + 1, REPUBLISH = P + 2, SUBSCRIBE = P + 3, UNSUBSCRIBE = P + 4, COMMAND = P + 5,
        BEFORE = P + 6, REGISTER_COMMAND = P + 7, REGISTER_EVENTS = P + 8, NAMESPACE = P + 9, SUBSCRIBERS = P + 10,
        DATA = P + 11, REGISTRY = P + 12, READY = P + 13, DONE = D, FAIL = D + 1, PROGRESS = D + 2, ALWAYS = D + 3,
        THEN = D + 4, PROMISE_VIEW = D + 5, STATE = D + 6, IS_RESOLVED = D + 7, IS_REJECTED = D + 8, DEBUG = D + 9,
        PIPE = D + 10, RESOLVE = F, REJECT = F + 1, NOTIFY = F + 2, RESOLVE_WITH = F + 3, REJECT_WITH = F + 4,
        NOTIFY_WITH = F + 5;

    private final int op;
    private final Bus bus;
    private final Object target;
    private final Value owner;

    private BusApi(int op, Bus bus, Object target, Value owner) {
        this.op = op;
        this.bus = bus;
        this.target = target;
        this.owner = owner;
    }

    private static Value build(Value into, String[] names, int base, Bus bus, Object target) {
        for (int i = 0; i < names.length; i++) {
            into.set(names[i], Values.function(new BusApi(base + i, bus, target, into)));
        }
        return into;
    }

    /** The global object; it also acts as plugin "CXBus" for command, subscribe and data. */
    public static Value global(Bus bus) {
        LocalPlugin self = bus.registerPlugin("CXBus");
        self.ready();
        Value g = build(Values.object(), GLOBAL, G, bus, null);
        Value cx = plugin(self);
        g.set("command", cx.get("command")).set("subscribe", cx.get("subscribe")).set("data", cx.get("data"));
        return g;
    }

    /** The interface page code holds for a plugin; built once per plugin. */
    public static Value plugin(LocalPlugin p) {
        if (p.facade == null) {
            p.facade = build(Values.object(), PLUGIN, P, p.bus, p);
        }
        return p.facade;
    }

    /** The promise view of a deferred: exactly the keys page code knows from the original. */
    public static Value promise(Bus bus, Deferred d) {
        if (d.view == null) {
            d.view = build(Values.object(), PROMISE, D, bus, d);
        }
        return d.view;
    }

    /** The handler's deferred: the promise view plus resolve, reject, notify and their {@code ...With} forms. */
    static Value deferred(Bus bus, Deferred d) {
        if (d.full == null) {
            d.full = build(Values.assign(Values.object(), promise(bus, d)), DEFERRED, F, bus, d);
        }
        return d.full;
    }

    /** {@code {time, commander, command, deferred, data}}, the one argument a page's command handler receives. */
    static Value commandObject(Bus bus, Command c) {
        return Values.object()
                .set("time", c.time)
                .set("commander", c.commander)
                .set("command", c.command)
                .set("deferred", deferred(bus, (Deferred) c.deferred))
                .set("data", c.data);
    }

    @Override
    public Value call(Value self, Value[] a) {
        if (op < P) {
            return global(a);
        }
        if (op < D) {
            return plugin((LocalPlugin) target, a);
        }
        return deferred((Deferred) target, a);
    }

    private static Value arg(Value[] a, int i) {
        return i < a.length ? a[i] : Values.undefined();
    }

    private Value global(Value[] a) {
        String s = arg(a, 0).str();
        switch (op) {
            case REGISTER_PLUGIN:
                LocalPlugin p = s == null ? null : bus.registerPlugin(s);
                return p == null ? Values.of(false) : plugin(p);
            case REGISTER_MASTER:
                return bus.takeMaster() ? build(Values.object(), MASTER, M, bus, owner) : Values.undefined();
            case LOAD_PLUGIN:
                return promise(bus, bus.loader.loadPlugin(Values.text(arg(a, 0))));
            case LOAD_FILE:
                return promise(bus, bus.loader.loadFile(Values.text(arg(a, 0))));
            case LOAD_MODULE:
                return promise(bus, bus.loader.loadModule(Values.text(arg(a, 0))));
            case REGISTER_MODULE:
                return Values.of(bus.loader.registerModule(Values.text(arg(a, 0)), arg(a, 1)));
            case CONFIGURE:
                configure(owner, arg(a, 0));
                break;
            case LOCK:
            case UNLOCK:
                bus.setLocked(op == LOCK);
                break;
            case MASTER_CONFIG:
                configure((Value) target, arg(a, 0));
                break;
            default: // GET_INTERFACE
                PluginRecord r = bus.plugins.get(Values.text(arg(a, 0)));
                return r == null ? Values.of(false) : plugin(r.plugin);
        }
        return Values.undefined();
    }

    private void configure(Value global, Value opts) {
        bus.configure(opts);
        if (bus.options.unlocked) {
            global.set("getPluginInterface", Values.function(new BusApi(GET_INTERFACE, bus, null, global)));
        } else {
            global.remove("getPluginInterface");
        }
    }

    private Value plugin(LocalPlugin p, Value[] a) {
        String name = p.name();
        String s = arg(a, 0).str();
        Value x = arg(a, 1);
        switch (op) {
            case PUBLISH:
            case PUBLISH_DIRECT:
            case REPUBLISH:
                return Values.of(s != null && bus.publish(name, s, x, op == PUBLISH_DIRECT, op == REPUBLISH));
            case SUBSCRIBE:
                return s != null && x.isFunction() && bus.subscribe(name, s, env -> x.call(Values.undefined(), env))
                        ? Values.of(s) : Values.of(false);
            case UNSUBSCRIBE:
                return Values.of(s != null && bus.unsubscribe(name, s));
            case COMMAND:
                Deferred d;
                if (s == null) {
                    d = new Deferred();
                    d.reject(Values.of(BusTexts.COMMAND_DOES_NOT_EXIST));
                } else {
                    d = bus.command(name, s, x);
                }
                return promise(bus, d);
            case BEFORE:
                return Values.of(s != null && x.isFunction() && bus.before(s, data -> x.call(Values.undefined(), data)));
            case REGISTER_COMMAND:
                if (s == null || !x.isFunction()) {
                    return Values.of(false);
                }
                p.registerCommand(s, c -> x.call(Values.undefined(), commandObject(bus, c)));
                return Values.of(true);
            case REGISTER_EVENTS:
                Value list = arg(a, 0);
                String[] names = new String[list.isArray() ? list.length() : s != null ? 1 : 0];
                for (int i = 0; i < names.length; i++) {
                    names[i] = s != null ? s : Values.text(list.at(i));
                }
                p.registerEvents(names);
                break;
            case NAMESPACE:
                return Values.of(name);
            case SUBSCRIBERS:
                return bus.subscribers(name);
            case DATA:
                Value key = arg(a, 0);
                String k = key.isNullish() ? null : Values.text(key);
                if (k != null && a.length > 1) {
                    p.data(k, x);
                }
                return p.data(k);
            case REGISTRY:
                return bus.registry();
            default: // READY
                p.ready();
        }
        return Values.undefined();
    }

    private Value deferred(Deferred d, Value[] a) {
        Value view = promise(bus, d);
        switch (op) {
            case DONE:
            case FAIL:
            case PROGRESS:
                add(d, op - DONE, a);
                return view;
            case ALWAYS:
                add(d, 0, a);
                add(d, 1, a);
                return view;
            case THEN: // then(): fail first, like the original; returns undefined yet makes `await` work
                add(d, 1, new Value[] {arg(a, 1)});
                add(d, 0, new Value[] {arg(a, 0)});
                add(d, 2, new Value[] {arg(a, 2)});
                return Values.undefined();
            case PROMISE_VIEW:
                return arg(a, 0).isObject() ? Values.assign(arg(a, 0), view) : view;
            case STATE:
                return Values.of(d.state());
            case IS_RESOLVED:
                return Values.of(d.state().equals(Deferred.RESOLVED));
            case IS_REJECTED:
                return Values.of(d.state().equals(Deferred.REJECTED));
            case DEBUG:
                bus.page.log("Deferred: " + d.state());
                return Values.undefined();
            case PIPE:
                return promise(bus, pipe(d, arg(a, 0), arg(a, 1)));
            case RESOLVE:
            case REJECT:
                d.settle(op == RESOLVE ? Deferred.RESOLVED : Deferred.REJECTED, null, a);
                break;
            case NOTIFY:
                d.notify(a);
                break;
            case RESOLVE_WITH:
            case REJECT_WITH:
                d.settle(op == RESOLVE_WITH ? Deferred.RESOLVED : Deferred.REJECTED, arg(a, 0), list(arg(a, 1)));
                break;
            default: // NOTIFY_WITH
                d.notifyWith(arg(a, 0), list(arg(a, 1)));
        }
        return owner;
    }

    /** Adds each function argument (or each function in an array argument); non-functions are skipped. */
    private void add(Deferred d, int kind, Value[] args) {
        for (Value v : args) {
            if (v.isArray()) {
                add(d, kind, list(v));
            } else if (v.isFunction()) {
                Callback c = (self, values) -> {
                    try {
                        v.call(self, values);
                    } catch (RuntimeException e) {
                        bus.fault(e); // the page's error stays the page's; the other callbacks still run
                    }
                };
                if (kind == 0) {
                    d.done(c);
                } else if (kind == 1) {
                    d.fail(c);
                } else {
                    d.progress(c);
                }
            }
        }
    }

    private static Deferred pipe(Deferred d, Value doneFilter, Value failFilter) {
        Deferred next = new Deferred();
        d.done((s, a) -> forward(next, true, doneFilter, s, a));
        d.fail((s, a) -> forward(next, false, failFilter, s, a));
        d.progress((s, a) -> next.notify(a));
        return next;
    }

    /** A filter's result settles the next promise; a filter that throws rejects it with what it threw. */
    private static void forward(Deferred next, boolean resolved, Value filter, Value self, Value[] args) {
        if (!filter.isFunction()) {
            next.settle(resolved, args);
            return;
        }
        Value out;
        try {
            out = filter.call(self, args);
        } catch (JsError e) {
            e.surface();
            next.settle(false, new Value[] {e.thrown()});
            return;
        }
        next.settle(resolved, new Value[] {out});
    }

    /** A JS array (or array-like) as Java arguments. */
    private static Value[] list(Value array) {
        Value[] out = new Value[array.isString() ? 0 : array.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.at(i);
        }
        return out;
    }
}
