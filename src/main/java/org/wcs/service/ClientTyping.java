package org.wcs.service;

import org.wcs.bus.Command;
import org.wcs.platform.Cancellable;
import org.wcs.transport.Reply;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The customer's typing notifications. The first {@code sendTyping} of a burst sends "typing started" and publishes
 * {@code clientTypingStarted}; a 100 ms ticker then counts idle time, which every further call resets to 0 without a
 * request. When the count reaches 2000 ms, "typing stopped" is sent and {@code clientTypingStopped} published.
 * Sending a message ends the burst at once (the event, no request).
 */
final class ClientTyping {
    static final int TICK_MS = 100;
    static final int IDLE_MS = 2000;

    private final WebChatService service;
    private Cancellable ticker;
    private int idle;

    ClientTyping(WebChatService service) {
        this.service = service;
    }

    boolean active() {
        return ticker != null;
    }

    void keystroke(Command c) {
        if (ticker != null) {
            idle = 0;
            c.resolve();
            return;
        }
        Value message = c.data.get("message");
        begin(message.isString() ? message.str() : service.previewText(), Replies.of(c));
    }

    /** An edit of the watched preview input: as {@code sendTyping}, with no command to answer. */
    void edited() {
        if (ticker != null) {
            idle = 0;
        } else {
            begin(service.previewText(), Reply.IGNORE);
        }
    }

    private void begin(String preview, Reply reply) {
        service.transport.typing(true, preview, reply);
        service.publish(Events.CLIENT_TYPING_STARTED, Values.object());
        idle = 0;
        schedule();
    }

    private void schedule() {
        ticker = service.platform.scheduler.schedule(TICK_MS, () -> {
            idle += TICK_MS;
            if (idle >= IDLE_MS) {
                end(true);
            } else {
                schedule();
            }
        });
    }

    /** Ends a running burst: publishes {@code clientTypingStopped}, and tells the server when {@code notify}. */
    void end(boolean notify) {
        if (ticker == null) {
            return;
        }
        ticker.cancel();
        ticker = null;
        if (notify) {
            service.transport.typing(false, service.previewText(), Reply.IGNORE);
        }
        service.publish(Events.CLIENT_TYPING_STOPPED, Values.object());
    }
}
