package org.wcs.sandbox;

import java.util.List;
import java.util.Map;

/**
 * The agent's side of one emulated back end, the same for all of them, so that the scripted agent and the agent
 * console work with any back end. Implementations are thread-safe: Jetty threads, the script thread and tests call
 * them.
 */
public interface AgentDesk {
    /** The back end's name in URLs and on the console: "gms", "purecloud", "nexus", "cometd", "pureconnect". */
    String backend();

    /** Every chat this back end has seen, oldest first. */
    List<DeskChat> chats();

    /**
     * The id of the newest chat once the desk has more than {@code before} chats (a page asked for one over real
     * HTTP), or null after 10 s of real time.
     */
    default String newChatAfter(int before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (chats().size() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        List<DeskChat> all = chats();
        return all.size() > before ? all.get(all.size() - 1).id() : null;
    }

    /** One chat as the desk shows it. */
    record DeskChat(String backend, String id, String customer, boolean agentJoined, boolean ended,
            Map<String, String> userData, List<String> transcript, String customerTyping) {
    }

    void join(String chatId, String agentName);

    void typing(String chatId, boolean typing);

    void say(String chatId, String text);

    void pushUrl(String chatId, String url);

    void sendFile(String chatId, String fileName, String content);

    void idleAlert(String chatId, int seconds);

    /** The agent leaves; the chat goes on without an agent. */
    void leave(String chatId);

    /** The agent (or the system) ends the chat. */
    void end(String chatId);
}
