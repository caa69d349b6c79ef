package org.wcs.sandbox.nexus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcs.sandbox.AgentDesk;

/**
 * The agent side of the Multicloud CX v3 emulator for the scripted agent and the console. v3 has no agent files or
 * idle alerts: a file goes out as an image message carrying the text, an idle alert as a notice.
 */
final class NexusDesk implements AgentDesk {
    private final NexusEmulator emulator;
    private final Map<String, String> agentNames = new LinkedHashMap<>();

    NexusDesk(NexusEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public String backend() {
        return "nexus";
    }

    @Override
    public List<DeskChat> chats() {
        List<NexusSession> sessions;
        synchronized (emulator.sessions) {
            sessions = new ArrayList<>(emulator.sessions.values());
        }
        List<DeskChat> out = new ArrayList<>();
        for (NexusSession s : sessions) {
            Map<String, String> userData = new LinkedHashMap<>();
            s.userData.forEach((k, v) -> userData.put(k, String.valueOf(v)));
            List<String> lines = new ArrayList<>();
            boolean agentIn = false;
            for (Map<String, Object> m : s.messages()) {
                Object from = m.get("from");
                String fromType = from instanceof Map<?, ?> f ? String.valueOf(f.get("type")) : "External";
                fromType = fromType.equals("Customer") ? "Client" : fromType;
                String type = String.valueOf(m.get("type"));
                type = type.equals("Text") ? "Message" : type;
                if (fromType.equals("Agent")) {
                    agentIn = type.equals("ParticipantJoined") || agentIn && !type.equals("ParticipantLeft");
                }
                Object text = m.get("text") != null ? m.get("text") : m.get("url");
                lines.add(type + " " + fromType + " " + (text == null ? "" : text));
            }
            out.add(new DeskChat("nexus", s.id, s.customerNickname, agentIn, s.closed(), userData, lines,
                    s.customerTyping() ? s.typingPreview() : ""));
        }
        return out;
    }

    private NexusSession.Agent agent(String chatId) {
        NexusSession s = emulator.session(chatId);
        if (s == null) {
            throw new IllegalArgumentException("no session " + chatId);
        }
        String name;
        synchronized (agentNames) {
            name = agentNames.getOrDefault(chatId, "Agent");
        }
        return s.agent(name);
    }

    @Override
    public void join(String chatId, String agentName) {
        synchronized (agentNames) {
            agentNames.put(chatId, agentName);
        }
        agent(chatId).joins();
    }

    @Override
    public void typing(String chatId, boolean typing) {
        agent(chatId).typing(typing);
    }

    @Override
    public void say(String chatId, String text) {
        agent(chatId).says(text);
    }

    @Override
    public void pushUrl(String chatId, String url) {
        agent(chatId).pushUrl(url);
    }

    @Override
    public void sendFile(String chatId, String fileName, String content) {
        agent(chatId).says("(file " + fileName + ") " + new String(content.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
    }

    @Override
    public void idleAlert(String chatId, int seconds) {
        agent(chatId).notice("Are you still there? This chat closes in " + seconds + " seconds.");
    }

    @Override
    public void leave(String chatId) {
        agent(chatId).leaves();
    }

    @Override
    public void end(String chatId) {
        NexusSession s = emulator.session(chatId);
        if (s != null) {
            agent(chatId).leaves();
            s.done();
        }
    }
}
