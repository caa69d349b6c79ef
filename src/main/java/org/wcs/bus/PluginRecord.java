package org.wcs.bus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** The bus's record of one plugin: its commands, declared events, data and the commands waiting for ready(). */
final class PluginRecord {
    final String name;
    final Map<String, CommandHandler> commands = new LinkedHashMap<>();
    final List<String> events = new ArrayList<>();
    final List<Command> buffer = new ArrayList<>();
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
        for (String e : events) {
            ev.push(Values.of(e));
        }
        Value cm = Values.array();
        for (String c : commands.keySet()) {
            cm.push(Values.of(c));
        }
        return Values.object().set("events", ev).set("commands", cm);
    }
}
