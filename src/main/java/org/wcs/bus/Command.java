package org.wcs.bus;

import org.wcs.value.Value;

/** What a command handler receives: who asked, for what, with which data, and how to answer. */
public final class Command {
    private static final Value[] NONE = new Value[0];

    public final double time;
    public final String commander;
    /** The full name, {@code "Plugin.command"}. */
    public final String command;
    /** Always a non-null object. */
    public final Value data;
    public final Settle deferred;

    public Command(double time, String commander, String command, Value data, Settle deferred) {
        this.time = time;
        this.commander = commander;
        this.command = command;
        this.data = data;
        this.deferred = deferred;
    }

    /** Resolves with no value. */
    public void resolve() {
        deferred.settle(true, NONE);
    }

    public void resolve(Value value) {
        deferred.settle(true, new Value[] {value});
    }

    public void reject(Value reason) {
        deferred.settle(false, new Value[] {reason});
    }
}
