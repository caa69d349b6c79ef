package org.wcs.bus;

import org.wcs.platform.Page;
import org.wcs.platform.Scheduler;
import org.wcs.util.Arr;
import org.wcs.util.Dict;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A CXBus: plugins, command dispatch with buffering until {@code ready()}, events with sticky republish, the data
 * store, {@code before} hooks and lazy loading of plugin files. Single-threaded; handlers and subscribers run on later
 * turns of the event loop (unless configured {@code async:false}), never inside the call that triggered them.
 */
public final class Bus {
    final Scheduler scheduler;
    final Page page;
    final BusOptions options = new BusOptions();
    final Loader loader;
    final Dict<PluginRecord> plugins = new Dict<>();
    private final Dict<EventEntry> events = new Dict<>();
    private final Dict<Arr<BeforeHook>> befores = new Dict<>();
    boolean locked;
    private boolean masterTaken;

    public Bus(Scheduler scheduler, Page page) {
        this.scheduler = scheduler;
        this.page = page;
        this.loader = new Loader(this);
    }

    /** A new plugin, or null when the name is taken or registration is locked. */
    public LocalPlugin registerPlugin(String name) {
        if (locked || plugins.has(name)) {
            return null;
        }
        PluginRecord r = new PluginRecord(name);
        plugins.put(name, r);
        LocalPlugin p = new LocalPlugin(this, r);
        p.registerCommand("COMMANDS", c -> {
            log("Commands of " + name + ": " + Values.stringify(r.registry().get("commands")));
            c.resolve();
        });
        p.registerCommand("EVENTS", c -> {
            log("Events of " + name + ": " + Values.stringify(r.registry().get("events")));
            c.resolve();
        });
        p.registerCommand("LOAD", c -> c.resolve());
        log(" New Plugin Registered  " + name);
        return p;
    }

    /** True for the first caller only: the master may lock registration and configure the bus. */
    public boolean takeMaster() {
        if (masterTaken) {
            return false;
        }
        masterTaken = true;
        return true;
    }

    public void setLocked(boolean lock) {
        locked = lock;
    }

    public void configure(Value opts) {
        options.apply(opts);
        log("CXBus configuration changed");
    }

    public BusOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- commands

    /** Dispatches {@code cmd} on behalf of {@code commander}; see the spec, section A.4, for the steps. */
    public Deferred command(String commander, String cmd, Value data) {
        Deferred d = new Deferred();
        dispatch(commander, cmd, data, d, false);
        return d;
    }

    private void dispatch(String commander, String cmd, Value data, Deferred d, boolean reloaded) {
        if (!data.truthy()) {
            data = Values.object();
        }
        String full = cmd.indexOf(".") < 0 ? commander + "." + cmd : cmd;
        if (!reloaded) {
            Arr<BeforeHook> hooks = befores.get(full);
            if (hooks != null) {
                hooks = hooks.copy();
                for (int i = 0; i < hooks.size(); i++) {
                    data = safeHook(hooks.get(i), data);
                    if (!data.isObject()) {
                        break;
                    }
                }
            }
        }
        if (!data.isObject()) {
            later(() -> d.reject(Values.of(BusTexts.CANCELLED)));
            return;
        }
        if (options.debug) {
            d.fail((self, args) -> log("Error (" + full + "): " + (args.length > 0 ? Values.text(args[0]) : "")));
        }
        Command c = new Command(scheduler.now(), commander, full, data, d);
        int dot = full.indexOf(".");
        String target = full.substring(0, dot);
        PluginRecord r = plugins.get(target);
        if (r != null) {
            log(commander + " called the command: " + full);
            if (r.ready || commander.equals(target)) {
                deliver(r, c);
            } else {
                log(target + " is not ready: buffered " + full);
                r.buffer.add(c);
            }
            return;
        }
        Value finalData = data;
        loader.loadPlugin(target)
                .done((s, a) -> dispatch(commander, full, finalData, d, true))
                .fail((s, a) -> later(() -> d.reject(Values.of(BusTexts.LOAD_FAILED))));
    }

    private Value safeHook(BeforeHook h, Value data) {
        try {
            return h.apply(data);
        } catch (RuntimeException e) {
            fault(e);
            return Values.undefined();
        }
    }

    /**
     * Runs the handler on a later turn. Deviation from CXBus: a command the plugin lacks rejects with "Command does
     * not exist" instead of staying pending forever, and a throwing handler rejects its command instead of leaving it
     * pending with an uncaught error.
     */
    void deliver(PluginRecord r, Command c) {
        String name = c.command.substring(r.name.length() + 1);
        CommandHandler h = name.indexOf(".") < 0 ? r.commands.get(name) : null;
        later(() -> {
            if (h == null) {
                c.reject(Values.of(BusTexts.COMMAND_DOES_NOT_EXIST));
                return;
            }
            try {
                h.handle(c);
            } catch (RuntimeException e) {
                fault(e);
                c.reject(Values.of(String.valueOf(e.getMessage())));
            }
        });
    }

    /**
     * An exception out of page code we called (a subscriber, a callback, a handler) goes back to the page as an
     * uncaught error on a later task, with its own stack; anything else is a fault of ours, for the debug log.
     */
    void fault(RuntimeException e) {
        if (!JsError.surfaced(e)) {
            log("Error: " + e.getMessage());
        }
    }

    void ready(PluginRecord r) {
        r.ready = true;
        Arr<Command> buffered = r.buffer.copy();
        r.buffer.clear();
        for (int i = 0; i < buffered.size(); i++) {
            deliver(r, buffered.get(i));
        }
    }

    /** True unless the first segment of {@code fullCommand} is empty. */
    public boolean before(String fullCommand, BeforeHook hook) {
        int dot = fullCommand.indexOf(".");
        if (dot == 0 || fullCommand.isEmpty()) {
            return false;
        }
        Arr<BeforeHook> hooks = befores.get(fullCommand);
        if (hooks == null) {
            hooks = new Arr<>();
            befores.put(fullCommand, hooks);
        }
        hooks.add(hook);
        return true;
    }

    // ---------------------------------------------------------------- events

    /** Publishes {@code "<publisher>.<event>"}; false when the publisher is unknown. */
    public boolean publish(String publisher, String event, Value data, boolean quiet, boolean sticky) {
        if (!plugins.has(publisher)) {
            return false;
        }
        String full = publisher + "." + event;
        Value payload = data != null && data.truthy() ? data : Values.object();
        EventEntry e = events.get(full);
        if (sticky) {
            if (e == null) {
                e = new EventEntry();
                events.put(full, e);
            }
            e.sticky = true;
            e.data = payload;
        }
        if (!quiet || e != null && !e.subscribers.isEmpty()) {
            log(publisher + " published: " + full);
        }
        if (e != null) {
            Arr<Subscription> subs = e.subscribers.copy();
            for (int i = 0; i < subs.size(); i++) {
                send(subs.get(i), publisher, full, payload);
            }
        }
        return true;
    }

    private void send(Subscription s, String publisher, String full, Value payload) {
        Value envelope = Values.object()
                .set("time", scheduler.now())
                .set("publisher", publisher)
                .set("event", full)
                .set("data", payload);
        later(() -> {
            try {
                s.subscriber.on(envelope);
            } catch (RuntimeException ex) {
                fault(ex);
            }
        });
    }

    /** Subscribes; false for a missing callback or an unknown subscriber. Sticky events replay to the newcomer. */
    public boolean subscribe(String subscriber, String event, Subscriber cb) {
        if (cb == null || !plugins.has(subscriber)) {
            return false;
        }
        EventEntry e = events.get(event);
        if (e == null) {
            e = new EventEntry();
            events.put(event, e);
        }
        Subscription s = new Subscription(subscriber, cb);
        e.subscribers.add(s);
        int dot = event.indexOf(".");
        String publisher = dot < 0 ? event : event.substring(0, dot);
        if (e.sticky && plugins.has(publisher)) {
            send(s, publisher, event, e.data);
        }
        return true;
    }

    /** Drops every subscription of {@code subscriber} to {@code event}; an emptied event loses its sticky data too. */
    public boolean unsubscribe(String subscriber, String event) {
        EventEntry e = events.get(event);
        if (e == null) {
            return false;
        }
        for (int i = e.subscribers.size() - 1; i >= 0; i--) {
            if (e.subscribers.get(i).plugin.equals(subscriber)) {
                e.subscribers.remove(i);
            }
        }
        if (e.subscribers.isEmpty()) {
            events.remove(event);
        }
        return true;
    }

    /** {@code {event: [subscriber names]}} for events whose name contains {@code name}. */
    public Value subscribers(String name) {
        Value out = Values.object();
        for (int i = 0; i < events.size(); i++) {
            if (events.key(i).contains(name)) {
                Value list = Values.array();
                Arr<Subscription> subs = events.value(i).subscribers;
                for (int j = 0; j < subs.size(); j++) {
                    list.push(Values.of(subs.get(j).plugin));
                }
                out.set(events.key(i), list);
            }
        }
        return out;
    }

    /** {@code {Plugin: {events: [...], commands: [...]}}} for every plugin. */
    public Value registry() {
        Value out = Values.object();
        for (int i = 0; i < plugins.size(); i++) {
            out.set(plugins.key(i), plugins.value(i).registry());
        }
        return out;
    }

    // ---------------------------------------------------------------- plumbing

    /** Runs {@code task} on a later turn, or now when configured {@code async:false}. */
    void later(Runnable task) {
        if (options.async) {
            scheduler.schedule(0, task);
        } else {
            task.run();
        }
    }

    void log(String line) {
        if (options.debug && options.log) {
            page.log(line);
        }
    }

    static final class EventEntry {
        final Arr<Subscription> subscribers = new Arr<>();
        boolean sticky;
        Value data;
    }

    static final class Subscription {
        final String plugin;
        final Subscriber subscriber;

        Subscription(String plugin, Subscriber subscriber) {
            this.plugin = plugin;
            this.subscriber = subscriber;
        }
    }
}
