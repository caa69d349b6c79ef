package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.CometdEmulator;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.service.TestPage;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Whole chats over CometD against the emulator (spec gms-v2 §13; Client checklist 16). */
class CometdChatTest extends CometdFixture {

    @Override
    Value config() {
        return Js.obj("cometD", cometD(), "apikey", "K-123");
    }

    @Test
    void startAgentMessagesBothWaysAndTheAgentEnds() {
        // given
        GmsChat chat = start();
        // when the agent joins and talks
        comet.agent(chat).joins("Grace").typing(true).says("Hello Ada");
        sync(chat);
        // then
        assertEquals("agentConnected,agentTypingStarted,agentTypingStopped", kinds(page.takeEvents()));
        // when the customer answers
        assertEquals("{\"statusCode\":0}", Js.json(page.await("sendMessage", Js.obj("message", "Hi")).value));
        sync(chat);
        assertEquals(chat.lines(), transcript());
        // when the agent ends
        comet.agent(chat).ends();
        page.awaitEvent("ended");
        assertEquals("agentDisconnected,ended", kinds(page.takeEvents()));
        tab.loop.runUntil(() -> comet.sessionCounts()[0] == 0, 10_000);
    }

    @Test
    void theCustomerEndsAndTheServerHearsIt() {
        GmsChat chat = start();
        TestPage.Outcome o = page.await("endChat", null);
        assertEquals("{\"statusCode\":0}", Js.json(o.value));
        assertTrue(chat.ended());
        assertEquals("supervisorDisconnected,agentDisconnected,clientDisconnected,ended", kinds(page.takeEvents()));
        tab.loop.runUntil(() -> comet.sessionCounts()[0] == 0, 10_000);
    }

    @Test
    void typingPreviewNoticesAndUserDataReachTheServer() {
        GmsChat chat = start();
        page.await("sendTyping", Js.obj("message", "Hel"));
        assertEquals("Hel", chat.preview);
        page.await("updateUserData", Js.obj("plan", "gold"));
        assertEquals("gold", chat.userDataValue("plan"));
        page.await("sendCustomNotice", Js.obj("message", "note"));
        sync(chat);
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void filesGoToTheApiUrlWithTheirOperationAndTheApiKey() {
        GmsChat chat = start();
        // limits
        Value limits = Values.parse(page.await("getFileLimits", null).value.str()); // text, as the original
        assertEquals("5", limits.get("messages").at(0).get("userData").get("upload-max-files").str());
        // upload: shown to both sides through a push
        Value file = Js.obj("name", "note.txt", "type", "text/plain", "content", "hello file");
        assertEquals("resolved", page.await("sendFile", Js.obj("files", Js.obj("files", Js.arr(file)))).state);
        sync(chat);
        Value uploaded = page.command("getTranscript", null).value.get("messages");
        Value last = uploaded.at(uploaded.length() - 1);
        assertEquals(chat.lines(), transcript());
        assertEquals("note.txt", last.get("fileDetails").get("file-name").str());
        CometdEmulator.Received call = comet.received("fileUpload").get(0);
        assertEquals(chat.secureKey, call.message().get("secureKey").get(0).asText()); // the file call's form
        assertEquals("K-123", call.apikey());
        // a type the server refuses
        Value exe = Js.obj("name", "run.exe", "type", "application/octet-stream", "content", "MZ");
        assertEquals("rejected", page.await("sendFile", Js.obj("files", Js.obj("files", Js.arr(exe)))).state);
        assertTrue(page.data("error").get("responseText").str().contains("\"filename\":\"run.exe\""));
        // download: a form POST to the apiURL
        String fileId = last.get("fileDetails").get("file-id").str();
        page.await("downloadFile", Js.obj("fileId", fileId, "fileName", "note.txt"));
        assertEquals(List.of(sandbox.url() + CometdEmulator.FILES, "secureKey", chat.secureKey, "fileId", fileId,
                "operation", "fileDownload"), List.of(tab.page.submittedForms.get(0)));
    }

    @Test
    void aReloadRestoresTheWholeTranscriptAndTheChatGoesOn() {
        // given a chat with some history
        GmsChat chat = start();
        comet.agent(chat).joins("Grace").says("before the reload");
        sync(chat);
        // when the page reloads
        reload(2_000);
        page.awaitEvent("messageReceived");
        // then it is restored, replayed, and not polling
        List<String> events = page.takeEvents();
        assertTrue(events.contains("restored"), events.toString());
        assertTrue(events.stream().noneMatch(e -> e.startsWith("pollingStarted")));
        sync(chat);
        assertEquals(chat.lines(), transcript());
        assertTrue(page.command("getTranscript", null).value.get("messages").at(0).get("restoring").truthy());
        // and goes on
        comet.agent(chat).says("after the reload");
        sync(chat);
        page.await("sendMessage", Js.obj("message", "still here"));
        sync(chat);
        assertEquals(chat.lines(), transcript());
    }
}
