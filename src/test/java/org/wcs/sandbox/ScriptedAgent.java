package org.wcs.sandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the agent in every new chat of every back end, unless the customer asked for a person (userData
 * {@code sandboxAgent = console}): runs the {@link AgentScript}, then, in reply mode, answers each customer
 * message. A few words make the agent show what the widget supports: "file" (the agent sends a file), "url"
 * (a pushed link), "idle" (an idle alert), "bye" (the agent ends the chat); anything else is echoed.
 */
public final class ScriptedAgent implements AutoCloseable {
    private final List<AgentDesk> desks;
    private final AgentScript script;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scripted-agent");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> started = new HashSet<>();
    /** Per chat in reply mode: how many customer messages were answered. */
    private final Map<String, Integer> replying = new HashMap<>();

    public ScriptedAgent(List<AgentDesk> desks, AgentScript script) {
        this.desks = desks;
        this.script = script;
        timer.scheduleWithFixedDelay(this::scan, 100, 150, TimeUnit.MILLISECONDS);
    }

    private void scan() {
        try {
            for (AgentDesk desk : desks) {
                for (AgentDesk.DeskChat chat : desk.chats()) {
                    String key = desk.backend() + "/" + chat.id();
                    if (chat.ended() || "console".equals(chat.userData().get("sandboxAgent"))) {
                        continue;
                    }
                    if (started.add(key)) {
                        run(desk, chat.id(), 0, 0);
                    } else if (replying.containsKey(key)) {
                        reply(desk, chat, key);
                    }
                }
            }
        } catch (RuntimeException e) {
            System.err.println("scripted agent: " + e);
        }
    }

    /** Runs step {@code i} after {@code delay} ms, then the next. */
    private void run(AgentDesk desk, String chatId, int i, long delay) {
        if (i >= script.steps().size()) {
            return;
        }
        timer.schedule(() -> {
            String[] step = script.steps().get(i);
            long next = 0;
            try {
                switch (step[0]) {
                    case "wait" -> next = Long.parseLong(step[1]);
                    case "join" -> desk.join(chatId, step[1].isEmpty() ? "Agent" : step[1]);
                    case "typing" -> {
                        desk.typing(chatId, true);
                        next = step[1].isEmpty() ? 800 : Long.parseLong(step[1]);
                    }
                    case "say" -> desk.say(chatId, step[1]);
                    case "url" -> desk.pushUrl(chatId, step[1]);
                    case "file" -> {
                        int space = step[1].indexOf(' ');
                        desk.sendFile(chatId, space < 0 ? step[1] : step[1].substring(0, space),
                                space < 0 ? "Sandbox file" : step[1].substring(space + 1));
                    }
                    case "idle" -> desk.idleAlert(chatId, Integer.parseInt(step[1]));
                    case "leave" -> desk.leave(chatId);
                    case "end" -> desk.end(chatId);
                    case "reply" -> replying.put(desk.backend() + "/" + chatId, count(desk, chatId));
                    default -> System.err.println("scripted agent: unknown step " + step[0]);
                }
            } catch (RuntimeException e) {
                System.err.println("scripted agent: " + step[0] + " failed: " + e);
            }
            run(desk, chatId, i + 1, next);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private static int count(AgentDesk desk, String chatId) {
        for (AgentDesk.DeskChat c : desk.chats()) {
            if (c.id().equals(chatId)) {
                return customerMessages(c).size();
            }
        }
        return 0;
    }

    private static List<String> customerMessages(AgentDesk.DeskChat chat) {
        return chat.transcript().stream().filter(l -> l.startsWith("Message Client ")).map(l -> l.substring(15))
                .toList();
    }

    private void reply(AgentDesk desk, AgentDesk.DeskChat chat, String key) {
        List<String> said = customerMessages(chat);
        int answered = replying.get(key);
        if (said.size() <= answered) {
            return;
        }
        replying.put(key, said.size());
        String text = said.get(said.size() - 1);
        String lower = text.toLowerCase();
        desk.typing(chat.id(), true);
        timer.schedule(() -> {
            try {
                if (lower.contains("bye")) {
                    desk.say(chat.id(), "Thanks for chatting with us. Goodbye!");
                    desk.end(chat.id());
                    replying.remove(key);
                } else if (lower.contains("file")) {
                    desk.sendFile(chat.id(), "terms.txt", "These are the sandbox's terms: there are none.");
                } else if (lower.contains("url")) {
                    desk.pushUrl(chat.id(), "https://example.org/help");
                } else if (lower.contains("idle")) {
                    desk.idleAlert(chat.id(), 30);
                } else {
                    desk.say(chat.id(), "You said: " + text);
                }
            } catch (RuntimeException e) {
                System.err.println("scripted agent: reply failed: " + e);
            }
        }, 700, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
