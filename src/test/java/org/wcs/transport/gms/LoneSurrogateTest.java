package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmCookies;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.jvm.JvmStorage;
import org.wcs.jvm.ScriptedHttp;
import org.wcs.platform.HttpResponse;
import org.wcs.service.TestPage;

/**
 * Half a surrogate pair in what the page gives (typing preview, message, user data): {@code encodeURIComponent}
 * throws on it, which stopped GMS polling for good in the browser. It is sent as U+FFFD instead, and polling goes on.
 * The JVM edge throws as the browser does, so this reproduces the freeze without the fix.
 */
class LoneSurrogateTest {
    static {
        Js.init();
    }

    /** U+FFFD as UTF-8, percent-encoded. */
    private static final String REPLACEMENT = "%EF%BF%BD";

    private final JvmLoop loop = new JvmLoop();
    private final ScriptedHttp http = new ScriptedHttp(loop, r -> new HttpResponse(200, "{\"statusCode\":0,"
            + "\"chatId\":\"C1\",\"secureKey\":\"K1\",\"userId\":\"U1\",\"alias\":\"1\",\"chatEnded\":false,"
            + "\"messages\":[]}", "application/json", false));
    private TestPage page;
    private long started;

    @BeforeEach
    void chatting() {
        page = new TestPage(new JvmPlatform(loop, new JvmCookies(), new JvmStorage(), http),
                Js.obj("dataURL", "http://gms/chat"), new Transports());
        page.command("startChat", Js.obj("nickname", "Ada"));
        loop.runDue();
        started = (long) loop.now();
    }

    private List<String> bodies(String op) {
        return http.sent.stream().filter(s -> s.op().equals(op)).map(s -> s.request().body).toList();
    }

    @Test
    void aPreviewEndingInHalfAnEmojiKeepsPollingAndSendsTheReplacementCharacter() {
        // given a typing preview whose text was cut inside a surrogate pair
        page.command("registerTypingPreviewInput", Js.obj("input", Js.obj("type", "textarea", "value", "Hi \uD83D")));
        // when the poll ticks go by
        loop.advance(5_000);
        // then every poll went out, with U+FFFD for the lone half
        assertEquals(List.of(250L, 1000L, 1750L, 2750L, 4000L), http.times("refresh", started));
        for (String body : bodies("refresh")) {
            assertTrue(body.contains("&message=Hi%20" + REPLACEMENT), body);
        }
    }

    @Test
    void aMessageAndUserDataWithLoneHalvesAreSentWithTheReplacementCharacter() {
        // when the page sends a lone low half, and user data with a lone high half before a letter
        TestPage.Outcome sent = page.command("sendMessage", Js.obj("message", "\uDE00 ok \uD83D\uDE00"));
        loop.runDue();
        TestPage.Outcome updated = page.command("updateUserData", Js.obj("note", "\uD800x"));
        loop.runDue();
        // then both are sent, and a whole pair stays a pair
        assertEquals("resolved", sent.state);
        assertEquals("resolved", updated.state);
        assertTrue(bodies("send").get(0).contains("&message=" + REPLACEMENT + "%20ok%20%F0%9F%98%80"),
                bodies("send").get(0));
        assertTrue(bodies("updateData").get(0).contains("&userData%5Bnote%5D=" + REPLACEMENT + "x"),
                bodies("updateData").get(0));
        // and polling goes on
        loop.advance(3_000);
        assertTrue(http.times("refresh", started).size() >= 3);
    }
}
