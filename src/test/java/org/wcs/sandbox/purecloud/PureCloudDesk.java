package org.wcs.sandbox.purecloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcs.sandbox.AgentDesk;

/**
 * The agent side of the Genesys Cloud emulator for the scripted agent and the console. Guest chat has no files,
 * pushed URLs or idle alerts: those arrive as agent messages and notices.
 */
final class PureCloudDesk implements AgentDesk {
    private final PureCloudEmulator emulator;
    private final Map<String, Participant> agents = new LinkedHashMap<>();

    PureCloudDesk(PureCloudEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public String backend() {
        return "purecloud";
    }

    @Override
    public List<DeskChat> chats() {
        List<DeskChat> out = new ArrayList<>();
        for (Conversation c : emulator.server.conversations()) {
            Map<String, String> userData = new LinkedHashMap<>();
            JsonNode fields = c.guest().customFields;
            if (fields != null) {
                fields.fields().forEachRemaining(e -> userData.put(e.getKey(), e.getValue().asText()));
            }
            List<String> lines = new ArrayList<>();
            boolean agentIn = false;
            for (JsonNode m : c.transcript()) {
                String role = c.roleOf(m.path("sender").path("id").asText());
                String type = m.path("bodyType").asText();
                String from = role.equals("CUSTOMER") ? "Client" : role.equals("AGENT") ? "Agent"
                        : role.equals("WORKFLOW") ? "Bot" : "External";
                String shown = type.equals("member-join") ? "ParticipantJoined"
                        : type.equals("member-leave") ? "ParticipantLeft" : "Message";
                if (role.equals("AGENT")) {
                    agentIn = !type.equals("member-leave");
                }
                lines.add(shown + " " + from + " " + (shown.equals("Message") ? m.path("body").asText() : ""));
            }
            out.add(new DeskChat("purecloud", c.id, c.guest().displayName, agentIn, c.ended(), userData, lines, ""));
        }
        return out;
    }

    private Conversation conversation(String id) {
        for (Conversation c : emulator.server.conversations()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no conversation " + id);
    }

    private synchronized Participant agent(String id) {
        Participant p = agents.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no agent in " + id);
        }
        return p;
    }

    @Override
    public synchronized void join(String chatId, String agentName) {
        agents.put(chatId, conversation(chatId).agent(agentName).joins());
    }

    @Override
    public void typing(String chatId, boolean typing) {
        if (typing) {
            agent(chatId).types();
        }
    }

    @Override
    public void say(String chatId, String text) {
        agent(chatId).says(text);
    }

    @Override
    public void pushUrl(String chatId, String url) {
        agent(chatId).says(url);
    }

    @Override
    public void sendFile(String chatId, String fileName, String content) {
        agent(chatId).says("(file " + fileName + ") " + content);
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
        conversation(chatId).endByAgent();
    }
}
