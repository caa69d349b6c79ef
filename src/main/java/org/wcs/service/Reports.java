package org.wcs.service;

import org.wcs.transport.Events;
import org.wcs.transport.TransportListener;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Turns what the transport reports into session state and bus events. Publishing order follows the original:
 * state first (data keys), then the event.
 */
final class Reports implements TransportListener {
    private final WebChatService s;
    /** The default capabilities; data key {@code capabilities} stays undefined until the transport reports. */
    private final Value capabilities = Values.object().set("async", false).set("asyncClose", "hideChat")
            .set("pagination", false).set("fileUpload", true);
    /** Whether WebChat was listening when {@code restored} went out; if not, it gets it again on its ready. */
    private boolean restoredUnseenByWebChat;

    Reports(WebChatService service) {
        this.s = service;
    }

    @Override
    public void started(Value sessionData) {
        s.activate(sessionData);
        s.publish(Events.STARTED, sessionData);
        s.autoLoad(true);
    }

    @Override
    public void messages(Value messages, Value originals, boolean restoring, boolean oldMessages, Value extras) {
        s.intake.accept(messages, originals, restoring, oldMessages, extras);
    }

    @Override
    public void agentTyping(Value from, String state) {
        if (state.equals(Events.AGENT_TYPING_TIMEOUT)) {
            s.intake.agentTyping = false;
            s.plugin.data("agentTyping", Values.of(false));
            s.publish(state, Values.object());
        } else {
            s.intake.typing(state.equals(Events.AGENT_TYPING_STARTED), from);
        }
    }

    @Override
    public void report(String event, Value data) {
        switch (event) {
            case Events.DISCONNECTED:
                s.disconnected = true;
                break;
            case Events.RECONNECTED:
                s.disconnected = false;
                break;
            case Events.RESTORED:
                s.activate(s.transport.sessionData());
                if (data.get("async").truthy()) {
                    s.plugin.data("WebChatService.mode", Values.object().set("async", true));
                }
                restoredUnseenByWebChat = !subscribed("WebChat");
                s.publish(event, data);
                s.autoLoad(true);
                return;
            case Events.RESTORE_FAILED:
            case Events.RESTORE_TIMEOUT:
            case Events.SESSION_LOST:
                s.deactivate();
                s.transcript.reset();
                s.publish(event, data);
                s.autoLoad(false);
                return;
            default:
                break;
        }
        if (event.equals(Events.AJAX_RESPONSE)) {
            s.plugin.publishDirect(event, data);
        } else {
            s.publish(event, data);
        }
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
     * the UI never reopened it. Here WebChat's own sticky {@code ready} triggers a second {@code restored}.
     */
    void webChatReady() {
        s.resumeHeld();
        if (restoredUnseenByWebChat && s.active) {
            restoredUnseenByWebChat = false;
            s.publish(Events.RESTORED, Values.object());
        }
    }

    @Override
    public void ended() {
        if (!s.active) {
            return;
        }
        s.deactivate();
        s.publish(Events.ENDED, Values.object());
        s.autoLoad(false);
    }

    /** The customer's {@code endChat} finished (well or not): the original's sequence of events. */
    void endedByCustomer() {
        if (!s.active) {
            return;
        }
        s.deactivate();
        for (String who : new String[] {"supervisor", "agent", "client"}) {
            s.publish(who + "Disconnected", Values.object().set("numAgentsConnected", 0));
        }
        s.publish(Events.ENDED, Values.object());
        s.autoLoad(false);
    }

    @Override
    public void capabilities(Value reported) {
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

    @Override
    public void sessionData(Value sessionData) {
        s.plugin.data("WebChatService.sessionData", sessionData);
    }

    @Override
    public String previewText() {
        return s.previewText();
    }

    @Override
    public String language() {
        return s.language;
    }

    @Override
    public String header(String name) {
        if (!s.config.get("enableCustomHeader").truthy()) {
            return null;
        }
        Value fromApp = s.plugin.data("App.requestHeader").get(name);
        return fromApp.isString() ? fromApp.str() : s.mainConfig().get("header").get(name).str();
    }
}
