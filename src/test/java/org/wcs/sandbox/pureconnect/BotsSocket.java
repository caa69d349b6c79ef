package org.wcs.sandbox.pureconnect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One chatbots connector socket ({@code /v1?channel=<sessionId>}, spec pureconnect-v4 §15.4): the first socket of a
 * session gets the {@code startChatMessage} frame, every socket gets what the customer was not sent yet and then each
 * new message, one message per frame. (Jetty calls endpoint methods through method handles: the class is public.)
 */
public final class BotsSocket extends Session.Listener.AbstractAutoDemanding {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PureConnectEmulator emulator;
    private final IcwsChat chat;

    BotsSocket(PureConnectEmulator emulator, IcwsChat chat) {
        this.emulator = emulator;
        this.chat = chat;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        synchronized (chat) {
            if (chat.takeStartFrame()) {
                Map<String, Object> start = new LinkedHashMap<>();
                start.put("__type", IcwsChat.URN + "startChatMessage");
                start.put("participantId", chat.customerId);
                start.put("chatId", chat.chatId);
                start.put("sequenceNumber", 0);
                start.put("timestamp", Instant.now().toString());
                send(start);
            }
            List<Map<String, Object>> missed = chat.attach(this);
            missed.forEach(this::send);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        chat.removeSocket(this);
    }

    /** Sends one message as a frame; false when the socket is gone. */
    boolean send(Map<String, Object> message) {
        Session s = getSession();
        if (s == null || !s.isOpen()) {
            return false;
        }
        try {
            s.sendText(JSON.writeValueAsString(message), Callback.NOOP);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Closes the socket (the session ended, or a test drops it). */
    public void close() {
        Session s = getSession();
        if (s != null) {
            s.close(1000, "", Callback.NOOP);
        }
    }

    /** Drops the connection without a close frame. */
    public void drop() {
        Session s = getSession();
        if (s != null) {
            s.disconnect();
        }
    }
}
