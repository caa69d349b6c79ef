package org.wcs.service;

import org.wcs.transport.AgentTyping;
import org.wcs.transport.BatchKind;
import org.wcs.transport.ChatItems;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.RestoreOutcome;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Turns what the transport reports (delivered by {@link ReportQueue}, one at a time, only for the current chat) into
 * session state and bus events. Publishing order follows the original: state first (data keys), then the event.
 */
final class Reports {
    private final WebChatService s;
    /** The default capabilities; data key {@code capabilities} stays undefined until the transport reports. */
    private final Value capabilities = Values.object().set("async", false).set("asyncClose", "hideChat")
            .set("pagination", false).set("fileUpload", true);
    /** Whether WebChat was listening when {@code restored} went out; if not, it gets it again on its ready. */
    private boolean restoredUnseenByWebChat;
    /** The {@code restored} data as published (v3 says {@code async}), for the repeat on WebChat's ready. */
    private Value restoredData = Values.object();

    Reports(WebChatService service) {
        this.s = service;
    }

    void started(Value sessionData) {
        if (!s.go(Lifecycle.ACTIVE)) {
            return;
        }
        s.activate(sessionData);
        s.publish(Events.STARTED, sessionData);
        s.autoLoad(true);
    }

    void batch(Value messages, Value originals, BatchKind kind, Value extras) {
        if (s.state == Lifecycle.ACTIVE) {
            s.intake.accept(messages, originals, kind == BatchKind.RESTORED, kind == BatchKind.HISTORY, extras);
        }
    }

    void agentTyping(Value from, AgentTyping state) {
        s.intake.typing(state == AgentTyping.STARTED, from);
    }

    /** Another tab's chat goes on here too: as if this page had restored it (the UI reopens it). */
    void joined(Value data) {
        if (s.go(Lifecycle.RESTORING)) {
            s.transcript.reset();
            restoreOutcome(RestoreOutcome.RESTORED, data);
        }
    }

    void restoreOutcome(RestoreOutcome outcome, Value data) {
        Value payload = data == null || data.isUndefined() ? Values.object() : data;
        if (outcome == RestoreOutcome.RESTORED_OFFLINE) {
            if (s.active()) {
                // The chat goes on; the first good answer publishes the recovery (spec gms-v2 §7.3).
                s.connection = ConnectionStatus.OFFLINE;
                s.publish(Events.RESTORED_OFFLINE, Values.object());
            }
            return;
        }
        if (outcome == RestoreOutcome.RESTORED) {
            if (!s.go(Lifecycle.ACTIVE)) {
                return;
            }
            s.activate(s.transport.sessionData());
            if (payload.get("async").truthy()) {
                s.plugin.data("WebChatService.mode", Values.object().set("async", true));
            }
            restoredUnseenByWebChat = !subscribed("WebChat");
            restoredData = payload;
            s.publish(Events.RESTORED, payload);
            s.autoLoad(true);
            return;
        }
        if (!s.go(Lifecycle.IDLE) && !s.go(Lifecycle.ENDED)) {
            return; // no chat to lose
        }
        s.deactivate();
        s.transcript.reset();
        s.publish(outcome == RestoreOutcome.FAILED ? Events.RESTORE_FAILED
                : outcome == RestoreOutcome.TIMED_OUT ? Events.RESTORE_TIMEOUT : Events.SESSION_LOST, payload);
        s.autoLoad(false);
    }

    /**
     * The service alone maps connection changes to events, and only changes: an outage is announced once, and its
     * end publishes the recovery events once, in the original's order (spec gms-v2 §7.3, cxbus-contract).
     */
    void connection(ConnectionStatus next) {
        ConnectionStatus was = s.connection;
        if (next == was || s.state != Lifecycle.ACTIVE) {
            return;
        }
        s.connection = next;
        if (next == ConnectionStatus.PENDING) {
            s.pendingAnnounced = true;
            s.publish(Events.CONNECTION_PENDING, Values.object());
        } else if (next == ConnectionStatus.OFFLINE) {
            s.publish(Events.SERVER_OFFLINE, Values.object());
        } else if (next == ConnectionStatus.DISCONNECTED) {
            s.publish(Events.DISCONNECTED, Values.object());
        } else if (next == ConnectionStatus.TIMED_OUT) {
            s.publish(Events.CHAT_SERVER_TIMEOUT, Values.object());
        } else { // back online
            boolean serverWasDown = was == ConnectionStatus.OFFLINE || was == ConnectionStatus.TIMED_OUT;
            if (serverWasDown) {
                s.publish(Events.SERVER_ONLINE, Values.object());
            }
            if (s.pendingAnnounced) {
                s.publish(Events.CONNECTION_RESTORED, Values.object());
            }
            if (was != ConnectionStatus.PENDING) {
                s.publish(Events.RECONNECTED, Values.object());
            }
            s.pendingAnnounced = false;
        }
    }

    void error(Value data) {
        s.publish(Events.ERROR, data);
    }

    void exchanged(Value body) {
        s.plugin.publishDirect(Events.AJAX_RESPONSE, body);
    }

    void polling(boolean running) {
        s.publish(running ? Events.POLLING_STARTED : Events.POLLING_STOPPED, Values.object());
    }

    /** Whether {@code plugin} subscribed to our {@code restored} event (our bus and Genesys's both list it). */
    boolean subscribed(String plugin) {
        Value list = s.plugin.subscribers().get(WebChatService.NAME + "." + Events.RESTORED);
        for (int i = 0; i < list.length(); i++) {
            if (plugin.equals(list.at(i).str())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fix for the original's race (spec C.7): when the service restored a chat before the WebChat UI subscribed,
     * the UI never reopened it. Here WebChat's own sticky {@code ready} triggers a second {@code restored}, with the
     * data of the first (v3's {@code async} keeps an async chat hidden), and the transcript so far, which the UI did
     * not hear either: a chat joined from another tab before this tab's WebChat was loaded opens whole.
     */
    void webChatReady() {
        s.resumeHeld();
        if (restoredUnseenByWebChat && s.state == Lifecycle.ACTIVE) {
            restoredUnseenByWebChat = false;
            s.publish(Events.RESTORED, restoredData);
            s.intake.replay();
        }
    }

    /**
     * The server (or another tab) ended the chat; {@code customerGone}: the server said nothing of the customer, who
     * is shown as disconnected first.
     */
    void ended(boolean customerGone) {
        if (!s.go(Lifecycle.ENDED)) {
            return;
        }
        s.nextGeneration();
        s.deactivate();
        if (customerGone) {
            s.publish(Events.CLIENT_DISCONNECTED, Values.object().set("numAgentsConnected", 0));
        }
        s.publish(Events.ENDED, Values.object());
        s.autoLoad(false);
    }

    /** The customer's {@code endChat} finished (well or not): the original's sequence of events. */
    void endedByCustomer() {
        if (!s.go(Lifecycle.ENDED)) {
            return;
        }
        s.deactivate();
        for (String role : new String[] {ChatItems.SUPERVISOR, ChatItems.AGENT, ChatItems.CLIENT}) {
            s.publish(Events.participant(role, false), Values.object().set("numAgentsConnected", 0));
        }
        s.publish(Events.ENDED, Values.object());
        s.autoLoad(false);
    }

    void capabilities(Value reported) {
        for (String key : new String[] {"async", "asyncClose"}) {
            if (reported.get(key).truthy()) {
                capabilities.set(key, reported.get(key));
            }
        }
        for (String key : new String[] {"pagination", "fileUpload"}) {
            if (reported.get(key).isBoolean()) {
                capabilities.set(key, reported.get(key));
            }
        }
        // The same object each time, as the original: set it once, then only the event signals changes.
        s.plugin.data("capabilities", capabilities);
        s.publish(Events.CAPABILITIES_CHANGED, capabilities);
    }

    void sessionData(Value sessionData) {
        s.plugin.data("WebChatService.sessionData", sessionData);
    }

    String header(String name) {
        if (!s.config.get("enableCustomHeader").truthy()) {
            return null;
        }
        Value fromApp = s.plugin.data("App.requestHeader").get(name);
        return fromApp.isString() ? fromApp.str() : s.mainConfig().get("header").get(name).str();
    }
}
