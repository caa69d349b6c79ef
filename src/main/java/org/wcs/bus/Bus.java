package org.wcs.bus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcs.platform.Page;
import org.wcs.platform.Scheduler;
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
    final Map<String, PluginRecord> plugins = new LinkedHashMap<>();
    private final Map<String, EventEntry> events = new LinkedHashMap<>();
    private final Map<String, List<BeforeHook>> befores = new HashMap<>();
    boolean locked;
    private boolean masterTaken;

    public Bus(Scheduler scheduler, Page page) {
        this.scheduler = scheduler;
        this.page = page;
        this.loader = new Loader(this);
    }

    /** A new plugin, or null when the name is taken or registration is locked. */
    public LocalPlugin registerPlugin(String name) {
        if (locked || plugins.containsKey(name)) {
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
        String full = cmd.indexOf('.') < 0 ? commander + "." + cmd : cmd;
        if (!reloaded) {
            List<BeforeHook> hooks = befores.get(full);
            if (hooks != null) {
                for (BeforeHook h : new ArrayList<>(hooks)) {
                    data = safeHook(h, data);
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
        int dot = full.indexOf('.');
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
            log("Error: " + e.getMessage());
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
        CommandHandler h = name.indexOf('.') < 0 ? r.commands.get(name) : null;
        later(() -> {
            if (h == null) {
                c.reject(Values.of(BusTexts.COMMAND_DOES_NOT_EXIST));
                return;
            }
            try {
                h.handle(c);
            } catch (RuntimeException e) {
                log("Error (" + c.command + "): " + e.getMessage());
                c.reject(Values.of(String.valueOf(e.getMessage())));
            }
        });
    }

    void ready(PluginRecord r) {
        r.ready = true;
        List<Command> buffered = new ArrayList<>(r.buffer);
        r.buffer.clear();
        for (Command c : buffered) {
            deliver(r, c);
        }
    }

    /** True unless the first segment of {@code fullCommand} is empty. */
    public boolean before(String fullCommand, BeforeHook hook) {
        int dot = fullCommand.indexOf('.');
        if (dot == 0 || fullCommand.isEmpty()) {
            return false;
        }
        befores.computeIfAbsent(fullCommand, k -> new ArrayList<>()).add(hook);
        return true;
    }

    // ---------------------------------------------------------------- events

    /** Publishes {@code "<publisher>.<event>"}; false when the publisher is unknown. */
    public boolean publish(String publisher, String event, Value data, boolean quiet, boolean sticky) {
        if (!plugins.containsKey(publisher)) {
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
            for (Subscription s : new ArrayList<>(e.subscribers)) {
                send(s, publisher, full, payload);
            }
        }
        return true;
    }

    private void send(Subscription s, String publisher, String full, Value payload) {
        Value envelope = Values.object()
                .set("time", (double) scheduler.now())
                .set("publisher", publisher)
                .set("event", full)
                .set("data", payload);
        later(() -> {
            try {
                s.subscriber.on(envelope);
            } catch (RuntimeException ex) {
                log("Error: " + ex.getMessage());
            }
        });
    }

    /** Subscribes; false for a missing callback or an unknown subscriber. Sticky events replay to the newcomer. */
    public boolean subscribe(String subscriber, String event, Subscriber cb) {
        if (cb == null || !plugins.containsKey(subscriber)) {
            return false;
        }
        EventEntry e = events.computeIfAbsent(event, k -> new EventEntry());
        Subscription s = new Subscription(subscriber, cb);
        e.subscribers.add(s);
        int dot = event.indexOf('.');
        String publisher = dot < 0 ? event : event.substring(0, dot);
        if (e.sticky && plugins.containsKey(publisher)) {
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
        e.subscribers.removeIf(s -> s.plugin.equals(subscriber));
        if (e.subscribers.isEmpty()) {
            events.remove(event);
        }
        return true;
    }

    /** {@code {event: [subscriber names]}} for events whose name contains {@code name}. */
    public Value subscribers(String name) {
        Value out = Values.object();
        for (Map.Entry<String, EventEntry> en : events.entrySet()) {
            if (en.getKey().contains(name)) {
                Value list = Values.array();
                for (Subscription s : en.getValue().subscribers) {
                    list.push(Values.of(s.plugin));
                }
                out.set(en.getKey(), list);
            }
        }
        return out;
    }

    /** {@code {Plugin: {events: [...], commands: [...]}}} for every plugin. */
    public Value registry() {
        Value out = Values.object();
        for (PluginRecord r : plugins.values()) {
            out.set(r.name, r.registry());
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
        final List<Subscription> subscribers = new ArrayList<>();
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
