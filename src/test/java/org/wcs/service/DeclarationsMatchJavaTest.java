package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wcs.jsapi.ChatServiceTexts;

/**
 * The TypeScript declarations (src/main/typescript/webchatservice.d.ts, shipped as plugins/webchatservice.d.ts) name
 * exactly what the Java tables do: every command of {@link Commands#NAMES}, every event of {@link Events#ALL}, the
 * Chat Service JS API's members and session commands and callbacks ({@link ChatServiceTexts}). A name added to or
 * taken from either side fails here, so the types cannot drift from the code.
 */
class DeclarationsMatchJavaTest {
    private static final Path DECLARATIONS = Path.of("src/main/typescript/webchatservice.d.ts");

    /** The member names of `interface <name> {` in the declarations: the keys and methods at its first level. */
    static List<String> members(String name) throws IOException {
        List<String> lines = Files.readAllLines(DECLARATIONS);
        Pattern open = Pattern.compile("^(\\s*)interface " + name + "( extends [^{]*)? \\{$");
        Pattern member = Pattern.compile("^(\\w+)\\??[:(<]");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = open.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String inner = m.group(1) + "  ";
            for (int j = i + 1; !lines.get(j).equals(m.group(1) + "}"); j++) {
                String line = lines.get(j);
                if (line.startsWith(inner) && !line.startsWith(inner + " ")) {
                    Matcher k = member.matcher(line.substring(inner.length()));
                    if (k.find()) {
                        names.add(k.group(1));
                    }
                }
            }
            return names;
        }
        throw new AssertionError("interface " + name + " is not in " + DECLARATIONS);
    }

    private static void same(List<String> java, List<String> declared, String what) {
        assertEquals(new TreeSet<>(java), new TreeSet<>(declared), what + ": the Java table and the declarations");
        assertEquals(java.size(), declared.size(), what + ": a name declared twice");
    }

    @Test
    void everyCommandIsDeclaredAndNothingElse() throws IOException {
        same(Arrays.asList(Commands.NAMES), members("Commands"), "WebChatService commands");
    }

    @Test
    void everyEventIsDeclaredAndNothingElse() throws IOException {
        same(Arrays.asList(Events.ALL), members("Events"), "WebChatService events");
    }

    @Test
    void theChatServiceApiIsDeclaredAsInstalled() throws IOException {
        List<String> api = new ArrayList<>(Arrays.asList(ChatServiceTexts.API));
        api.add("version");
        same(api, members("ChatServiceApi"), "_genesys.chatService");
        List<String> session = new ArrayList<>(Arrays.asList(ChatServiceTexts.COMMANDS));
        session.addAll(Arrays.asList(ChatServiceTexts.CALLBACKS));
        same(session, members("ChatSession"), "the session object");
    }

    @Test
    void theVersionIsDeclaredAsRegisteredData() throws IOException {
        assertTrue(members("Data").contains("version"));
    }
}
