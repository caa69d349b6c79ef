package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmHttp;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsFault;
import org.wcs.service.TestPage;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * What GMS REST's answers look like to the page, as the original shows them: {@code ajaxResponse} once for every
 * HTTP answer it takes as a success, the file calls' answers as the server's text (the original overrides their MIME
 * type and never parses them), the others parsed; {@code getFileLimits} resolves that text too.
 */
class GmsAnswersTest extends GmsFixture {

    @Test
    void fileLimitsResolveTheServersJsonText() {
        // given
        start();
        // when
        TestPage.Outcome o = page.await("getFileLimits", null);
        // then the text the server sent, which the page parses itself
        assertEquals("resolved", o.state);
        assertTrue(o.value.isString(), o.toString());
        assertEquals(lastAnswer("/file/limits").body, o.value.str());
        Value ud = Values.parse(o.value.str()).get("messages").at(0).get("userData");
        assertEquals("jpg:jpeg:png:gif:pdf:txt", ud.get("upload-file-types").str());
    }

    @Test
    void everyAnswerIsPublishedOnceFileAnswersAsText() {
        // given a chat that does a bit of everything
        page.await("startChat", Js.obj("nickname", "Ada"));
        GmsChat chat = gms.chat(sessionId());
        gms.agent(chat).joins("Grace").says("Hello");
        sync(chat);
        page.await("sendMessage", Js.obj("message", "Hi"));
        page.await("getFileLimits", null);
        Value file = Js.obj("name", "note.txt", "type", "text/plain", "content", "hello file");
        page.await("sendFile", Js.obj("files", Js.obj("files", Js.arr(file))));
        sync(chat);
        // when it ends
        page.await("endChat", null);
        settle();
        // then one ajaxResponse per good answer, in order
        assertEquals(expected(answersSince(0)), published());
    }

    @Test
    void theStartsAnswerIsPublishedAfterStartedAndBeforePollingStarts() {
        page.await("startChat", Js.obj("nickname", "Ada"));
        List<String> names = page.events.stream().map(e -> e.split(" ")[0]).filter(e -> !e.startsWith("data."))
                .toList();
        assertEquals(List.of("started", "ajaxResponse", "pollingStarted"), names.subList(0, 3));
    }

    @Test
    void aPollAnsweredAfterTheChatEndedIsStillPublished() {
        // given a poll held by the server
        start();
        gms.inject(GmsFault.delay("refresh", 400, 1));
        int before = tab.http.sent.size();
        tab.loop.runUntil(() -> tab.http.sent.size() > before, 10_000);
        // when the customer ends the chat while it is in flight
        page.takeEvents();
        int from = tab.http.answers.size();
        page.await("endChat", null);
        settle();
        // then its answer is published too, as the original publishes every answer
        assertEquals(2, answersSince(from).size());
        assertEquals(expected(answersSince(from)), published());
    }

    @Test
    void fileLimitsAfterTheChatEndedAreRejected() {
        // given a chat that ended
        start();
        page.await("endChat", null);
        page.takeEvents();
        // when
        TestPage.Outcome o = page.await("getFileLimits", null);
        settle();
        // then the server's refusal rejects it, as in the original, which also publishes it as an error
        assertEquals("rejected", o.state);
        assertEquals(400.0, o.value.get("status").num());
        assertTrue(page.events.stream().anyMatch(e -> e.startsWith("error")), page.events.toString() + o);
    }

    @Test
    void fileLimitsAnsweredAfterTheChatEndedStillSettle() {
        // given limits asked during the chat, the answer held by the server
        GmsChat chat = start();
        gms.inject(GmsFault.delay("file/limits", 1500, 1));
        TestPage.Outcome o = page.command("getFileLimits", null);
        // when the agent ends the chat before the answer comes
        gms.agent(chat).joins("Grace").ends();
        page.awaitEvent("ended");
        tab.loop.runUntil(() -> !o.state.equals("pending"), 10_000);
        // then the command settles with what the server said, as in the original (it was dropped with the chat)
        assertEquals("resolved", o.state);
        assertEquals(lastAnswer("/file/limits").body, o.value.str());
    }

    // ---- helpers ----

    /** Runs until every request sent has its answer, and what they cause is published. */
    private void settle() {
        tab.loop.runUntil(() -> tab.http.answers.size() == tab.http.sent.size(), 10_000);
        tab.loop.advance(10);
    }

    private org.wcs.platform.HttpResponse lastAnswer(String urlPart) {
        org.wcs.platform.HttpResponse found = null;
        for (JvmHttp.Answer a : tab.http.answers) {
            if (a.request().url.contains(urlPart)) {
                found = a.response();
            }
        }
        return found;
    }

    private List<JvmHttp.Answer> answersSince(int from) {
        return new ArrayList<>(tab.http.answers.subList(from, tab.http.answers.size()));
    }

    /** What the original publishes for these answers: the good ones, file calls' as text, the others parsed. */
    private static List<String> expected(List<JvmHttp.Answer> answers) {
        List<String> out = new ArrayList<>();
        for (JvmHttp.Answer a : answers) {
            if (a.response().ok()) {
                boolean file = a.request().parts != null;
                out.add(file ? Values.stringify(Values.of(a.response().body)) : a.response().body);
            }
        }
        return out;
    }

    /** The {@code ajaxResponse} data published since the page's log was last cleared, as JSON. */
    private List<String> published() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < page.events.size(); i++) {
            if (page.events.get(i).split(" ")[0].equals("ajaxResponse")) {
                out.add(Values.stringify(page.eventData.get(i)));
            }
        }
        return out;
    }
}
