package org.wcs.sandbox.gms;

import java.util.List;
import org.wcs.sandbox.AgentDesk;

/**
 * The agent's desk for the GMS chats that customers started over one wire ({@code "gms"} for REST, {@code "cometd"}):
 * both wires share the GMS emulator's chats, so the agent's actions are the same and only the list differs.
 */
final class GmsDesk implements AgentDesk {
    private final GmsEmulator gms;
    private final String origin;

    GmsDesk(GmsEmulator gms, String origin) {
        this.gms = gms;
        this.origin = origin;
    }

    @Override
    public String backend() {
        return origin;
    }

    @Override
    public List<DeskChat> chats() {
        return gms.chats(origin);
    }

    private GmsAgent agent(String chatId) {
        GmsChat c = gms.chat(chatId);
        if (c == null) {
            throw new IllegalArgumentException("no chat " + chatId);
        }
        return gms.agent(c);
    }

    @Override
    public void join(String chatId, String agentName) {
        agent(chatId).joins(agentName);
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
        agent(chatId).sendsFile(fileName, content);
    }

    @Override
    public void idleAlert(String chatId, int seconds) {
        agent(chatId).idleAlert(seconds);
    }

    @Override
    public void leave(String chatId) {
        agent(chatId).leaves();
    }

    @Override
    public void end(String chatId) {
        agent(chatId).ends();
    }
}
