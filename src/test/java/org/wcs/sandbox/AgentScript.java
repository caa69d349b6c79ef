package org.wcs.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What the scripted agent does in every new chat, one step per line (or separated by {@code ;}):
 * <pre>
 * wait 1000            pause (ms)
 * join Grace           an agent joins
 * bot Helper           a bot joins (GMS shows bots as a party style; other back ends as their bot role)
 * typing 800           the agent types for that long
 * say Hello there      the agent writes
 * url https://...      the agent pushes a URL
 * file terms.txt Text  the agent sends a small text file
 * idle 30              an idle alert: the chat closes in 30 s without customer activity
 * leave                the agent leaves
 * end                  the agent ends the chat
 * reply                from here on, answer each customer message (see {@link ScriptedAgent})
 * </pre>
 */
public record AgentScript(List<String[]> steps) {
    public static final String DEFAULT = "wait 1200; join Grace; typing 900;"
            + " say Hello, I'm Grace. How can I help you today?; reply";

    public static AgentScript parse(String text) {
        List<String[]> steps = new ArrayList<>();
        for (String line : text.split("[;\\n]")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int space = t.indexOf(' ');
            steps.add(space < 0 ? new String[] {t, ""} : new String[] {t.substring(0, space), t.substring(space + 1)
                    .trim()});
        }
        return new AgentScript(steps);
    }
}
