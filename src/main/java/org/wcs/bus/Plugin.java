package org.wcs.bus;

import org.wcs.value.Value;

/**
 * A plugin's interface to a CXBus, as the service uses it. Implemented by our own bus ({@link LocalPlugin}) and by an
 * adapter over a page's existing CXBus ({@link ForeignPlugin}), so the service cannot tell which bus it is on.
 */
public interface Plugin {
    String name();

    void registerCommand(String command, CommandHandler handler);

    void registerEvents(String[] events);

    /** Publishes {@code "<name>.<event>"}; subscribers run later, never inside this call. */
    void publish(String event, Value data);

    /** Like {@link #publish} but logged only when someone listens. */
    void publishDirect(String event, Value data);

    /** Publishes and makes the event sticky: late subscribers get {@code data}. */
    void republish(String event, Value data);

    void subscribe(String fullEvent, Subscriber subscriber);

    /** Sends a command as this plugin; {@code "cmd"} without a dot means one of our own. */
    Promise command(String command, Value data);

    /** Reads a data key ("key" of ours, or "Other.key"). */
    Value data(String key);

    /** Sets one of our data keys, publishing the data events when it changed. */
    void data(String key, Value value);

    /** {@code {"<event>": [subscriber names]}} for the events that carry this plugin's name. */
    Value subscribers();

    /** Marks the plugin ready: buffered commands are handled from here on. */
    void ready();
}
