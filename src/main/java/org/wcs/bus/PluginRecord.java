package org.wcs.bus;

import org.wcs.util.Arr;
import org.wcs.util.Dict;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** The bus's record of one plugin: its commands, declared events, data and the commands waiting for ready(). */
final class PluginRecord {
    final String name;
    final Dict<CommandHandler> commands = new Dict<>();
    final Arr<String> events = new Arr<>();
    final Arr<Command> buffer = new Arr<>();
    /** {@code {key: {last, value, time}}}, a JS object because page code reads it whole. */
    final Value data = Values.object();
    boolean ready;
    LocalPlugin plugin;

    PluginRecord(String name) {
        this.name = name;
    }

    /** {@code {events: [...], commands: [...]}}. */
    Value registry() {
        Value ev = Values.array();
        for (int i = 0; i < events.size(); i++) {
            ev.push(Values.of(events.get(i)));
        }
        Value cm = Values.array();
        for (int i = 0; i < commands.size(); i++) {
            cm.push(Values.of(commands.key(i)));
        }
        return Values.object().set("events", ev).set("commands", cm);
    }
}
