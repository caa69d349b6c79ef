package org.wcs.bus;

/** Handles one registered command; it settles {@code command} now or later. */
public interface CommandHandler {
    void handle(Command command);
}
