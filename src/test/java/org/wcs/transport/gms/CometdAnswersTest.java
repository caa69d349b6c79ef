package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmHttp;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.service.TestPage;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * What CometD mode's answers look like to the page, as the original shows them: Bayeux messages publish no
 * {@code ajaxResponse}; the file calls, plain HTTP to {@code apiURL}, publish theirs as the server's text, and
 * {@code getFileLimits} resolves that text.
 */
class CometdAnswersTest extends CometdFixture {

    @Test
    void onlyTheFileCallsAnswersArePublishedAsTheServersText() {
        // given a chat with messages both ways
        GmsChat chat = start();
        comet.agent(chat).joins("Grace").says("Hello");
        sync(chat);
        page.await("sendMessage", Js.obj("message", "Hi"));
        sync(chat);
        // when the page uses the file calls
        TestPage.Outcome limits = page.await("getFileLimits", null);
        Value file = Js.obj("name", "note.txt", "type", "text/plain", "content", "hello file");
        page.await("sendFile", Js.obj("files", Js.obj("files", Js.arr(file))));
        sync(chat);
        page.await("endChat", null);
        tab.loop.advance(10);
        // then the limits resolve as text, and only the two file answers were published, as text
        assertTrue(limits.value.isString(), limits.toString());
        assertEquals("5", Values.parse(limits.value.str()).get("messages").at(0).get("userData")
                .get("upload-max-files").str());
        List<String> fileAnswers = new ArrayList<>();
        for (JvmHttp.Answer a : tab.http.answers) {
            if (a.request().parts != null) {
                fileAnswers.add(Values.stringify(Values.of(a.response().body)));
            }
        }
        assertEquals(2, fileAnswers.size());
        List<String> published = new ArrayList<>();
        for (int i = 0; i < page.events.size(); i++) {
            if (page.events.get(i).split(" ")[0].equals("ajaxResponse")) {
                published.add(Values.stringify(page.eventData.get(i)));
            }
        }
        assertEquals(fileAnswers, published);
    }

    @Test
    void fileLimitsAfterTheChatEndedAreRejected() {
        // given a chat the agent ended
        GmsChat chat = start();
        comet.agent(chat).ends();
        page.awaitEvent("ended");
        // when
        TestPage.Outcome o = page.await("getFileLimits", null);
        tab.loop.advance(10);
        // then the server's refusal rejects it, and is published as an error, as in the original
        assertEquals("rejected", o.state);
        assertEquals(400.0, o.value.get("status").num());
        assertTrue(page.events.stream().anyMatch(e -> e.startsWith("error")), page.events.toString());
    }

    @Test
    void startChatResolvesStatusCodeZeroAsTheOriginal() {
        // when a chat starts
        TestPage.Outcome o = page.await("startChat", Js.obj("firstname", "Ada", "lastname", "Lovelace"));
        // then it resolves {statusCode: 0}, not the pushed answer (the session is in started and getSessionData)
        assertEquals("resolved:{\"statusCode\":0}", o.toString());
        assertTrue(page.service.isActive());
    }
}
