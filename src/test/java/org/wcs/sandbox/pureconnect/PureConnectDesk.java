package org.wcs.sandbox.pureconnect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcs.sandbox.AgentDesk;

/**
 * The agent side of the PureConnect emulator (both transports) for the scripted agent and the console. ICWS web chat
 * has no URL messages or idle alerts: a pushed URL goes out as text, an idle alert as a System text.
 */
final class PureConnectDesk implements AgentDesk {
    static final String SYSTEM = "00000000-0000-0000-0000-000000000000";
    private final PureConnectEmulator emulator;

    PureConnectDesk(PureConnectEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public String backend() {
        return "pureconnect";
    }

    @Override
    public List<DeskChat> chats() {
        List<IcwsChat> all;
        synchronized (emulator.chats) {
            all = new ArrayList<>(emulator.chats.values());
        }
        List<DeskChat> out = new ArrayList<>();
        for (IcwsChat c : all) {
            out.add(new DeskChat("pureconnect", c.chatId, c.customerName, c.agent() != null, c.ended(),
                    attributes(c), lines(c), c.customerTyping() ? "(typing)" : ""));
        }
        return out;
    }

    /** The start's additional attributes (the page's user data), as text. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> attributes(IcwsChat c) {
        Object data = c.botSession == null ? c.start : c.start.get("pureConnectData");
        Object attrs = data instanceof Map<?, ?> m ? m.get("additionalAttributes") : null;
        Map<String, String> out = new LinkedHashMap<>();
        if (attrs instanceof Map<?, ?> a) {
            ((Map<String, Object>) a).forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    /** The transcript as the desk shows it: {@code <type> <role> <text>}, e.g. "Message Client Hello". */
    static List<String> lines(IcwsChat c) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> m : c.messages()) {
            String kind = String.valueOf(m.get("__type")).replace(IcwsChat.URN, "");
            String[] p = c.participant(String.valueOf(m.get("participantId")));
            String role = p == null ? "External" : p[0].equals("WebUser") ? "Client" : p[0].equals("System")
                    ? "External" : p[0];
            if (SYSTEM.equals(m.get("participantId"))) {
                role = "External";
            }
            switch (kind) {
                case "chatParticipantStateChangedMessage" -> {
                    Object state = m.get("state");
                    String type = Integer.valueOf(2).equals(state) ? "ParticipantJoined"
                            : Integer.valueOf(4).equals(state) ? "ParticipantLeft" : "ParticipantStateChanged";
                    out.add(type + " " + role + " " + m.get("displayName"));
                }
                case "chatTextMessage" -> out.add("Message " + role + " " + m.get("value"));
                case "chatTypingIndicatorMessage" -> out.add((Boolean.TRUE.equals(m.get("value")) ? "TypingStarted"
                        : "TypingStopped") + " " + role + " ");
                case "chatFileMessage" -> out.add("File " + role + " " + m.get("fileName"));
                default -> out.add(kind + " " + role + " ");
            }
        }
        return out;
    }

    private IcwsChat chat(String chatId) {
        IcwsChat c = emulator.chat(chatId);
        if (c == null) {
            throw new IllegalArgumentException("no chat " + chatId);
        }
        return c;
    }

    /** The chat's agent, joining one named "Agent" when none is in. */
    private String agent(IcwsChat c) {
        synchronized (c) {
            String a = c.agent();
            return a != null ? a : c.join("Agent", "Agent");
        }
    }

    @Override
    public void join(String chatId, String agentName) {
        chat(chatId).join("Agent", agentName);
    }

    @Override
    public void typing(String chatId, boolean typing) {
        IcwsChat c = chat(chatId);
        c.typing(agent(c), typing);
    }

    @Override
    public void say(String chatId, String text) {
        IcwsChat c = chat(chatId);
        c.say(agent(c), text);
    }

    @Override
    public void pushUrl(String chatId, String url) {
        say(chatId, url);
    }

    @Override
    public void sendFile(String chatId, String fileName, String content) {
        IcwsChat c = chat(chatId);
        c.file(agent(c), fileName, content.length());
    }

    @Override
    public void idleAlert(String chatId, int seconds) {
        chat(chatId).say(SYSTEM, "Are you still there? This chat closes in " + seconds + " seconds.");
    }

    @Override
    public void leave(String chatId) {
        IcwsChat c = chat(chatId);
        String a = c.agent();
        if (a != null) {
            c.leave(a);
        }
    }

    @Override
    public void end(String chatId) {
        IcwsChat c = chat(chatId);
        c.disconnectCustomer();
        emulator.ended(c);
    }
}
