package org.wcs.bus;

import org.wcs.value.Value;
import org.wcs.value.Values;

/** A plugin registered on our own {@link Bus}. */
public final class LocalPlugin implements Plugin {
    final Bus bus;
    final PluginRecord record;
    /** The JS interface, once page code asked for it. */
    Value facade;

    LocalPlugin(Bus bus, PluginRecord record) {
        this.bus = bus;
        this.record = record;
        record.plugin = this;
    }

    @Override
    public String name() {
        return record.name;
    }

    @Override
    public void registerCommand(String command, CommandHandler handler) {
        record.commands.put(command, handler);
    }

    @Override
    public void registerEvents(String[] events) {
        for (String e : events) {
            if (!record.events.contains(e)) {
                record.events.add(e);
            }
        }
    }

    @Override
    public void publish(String event, Value data) {
        bus.publish(record.name, event, data, false, false);
    }

    @Override
    public void publishDirect(String event, Value data) {
        bus.publish(record.name, event, data, true, false);
    }

    @Override
    public void republish(String event, Value data) {
        bus.publish(record.name, event, data, false, true);
    }

    @Override
    public void subscribe(String fullEvent, Subscriber subscriber) {
        bus.subscribe(record.name, fullEvent, subscriber);
    }

    public boolean unsubscribe(String fullEvent) {
        return bus.unsubscribe(record.name, fullEvent);
    }

    @Override
    public Deferred command(String command, Value data) {
        return bus.command(record.name, command, data);
    }

    public boolean before(String fullCommand, BeforeHook hook) {
        return bus.before(fullCommand, hook);
    }

    @Override
    public Value data(String key) {
        if (key != null && record.data.has(key)) {
            return record.data.get(key).get("value");
        }
        if (key == null || key.isEmpty()) {
            return record.data;
        }
        int dot = key.indexOf(".");
        PluginRecord other = dot < 0 ? null : bus.plugins.get(key.substring(0, dot));
        return other == null ? Values.undefined() : other.data.get(key.substring(dot + 1)).get("value");
    }

    /** Stores {@code value} (null and undefined are not stored); publishes the data events when it changed. */
    @Override
    public void data(String key, Value value) {
        if (value.isNullish()) {
            return;
        }
        Value old = record.data.get(key);
        Value last = old.get("value");
        Value entry = Values.object().set("last", last).set("value", value).set("time", bus.scheduler.now());
        record.data.set(key, entry);
        if (!old.isUndefined() && Loose.equal(last, value)) {
            return;
        }
        bus.publish(record.name, "data", record.data, false, false);
        bus.publish(record.name, "data." + key, entry, false, false);
        String shown = value.isString() ? "'" + value.str() + "'" : Loose.text(value);
        bus.publish(record.name, "data." + key + ":" + shown, entry, true, false);
    }

    @Override
    public Value subscribers() {
        return bus.subscribers(record.name);
    }

    @Override
    public void ready() {
        bus.ready(record);
    }

    public String namespace() {
        return record.name;
    }
}
