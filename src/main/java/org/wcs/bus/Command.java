package org.wcs.bus;

import org.wcs.value.Value;

/** What a command handler receives: who asked, for what, with which data, and how to answer. */
public final class Command {
    public final long time;
    public final String commander;
    /** The full name, {@code "Plugin.command"}. */
    public final String command;
    /** Always a non-null object. */
    public final Value data;
    public final Settle deferred;

    public Command(long time, String commander, String command, Value data, Settle deferred) {
        this.time = time;
        this.commander = commander;
        this.command = command;
        this.data = data;
        this.deferred = deferred;
    }

    public void resolve(Value... args) {
        deferred.resolve(args);
    }

    public void reject(Value... args) {
        deferred.reject(args);
    }
}
