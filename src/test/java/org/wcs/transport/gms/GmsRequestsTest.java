package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.platform.HttpRequest;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;
import org.wcs.service.TestPage;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** What goes on the wire for each command and option (spec gms-v2 §1-§3, §11; Client checklist 1-3, 14, 15). */
class GmsRequestsTest extends GmsFixture {

    @Override
    Value config() {
        return Js.obj("dataURL", dataUrl() + "/", "apikey", "K-123", "endpoint", "premium",
                "enableCustomHeader", true, "userData", Js.obj("fromConfig", "c"));
    }

    private HttpRequest lastSent() {
        return tab.http.sent.get(tab.http.sent.size() - 1);
    }

    @Test
    void requestChatGoesToTheServiceUrlWithATrailingSlashAndTheConfiguredExtras() {
        tab.page.window().get("_genesys").get("widgets").get("main")
                .set("header", Js.obj("Authorization", "Bearer t0k"));
        page.await("startChat", Js.obj("nickname", "Ada"));
        HttpRequest first = tab.http.sent.get(0);
        assertEquals(dataUrl() + "/", first.url, "one trailing slash stripped, one added");
        assertEquals("application/x-www-form-urlencoded", first.header("Content-Type"));
        assertEquals("K-123", first.header("apikey"));
        assertEquals("Bearer t0k", first.header("Authorization"));
        assertTrue(first.body.startsWith("alias=&secureKey=&userId=&nickname=Ada&firstName=&lastName="
                + "&emailAddress=&subject=&text=&userData%5BGCTI_LanguageCode%5D=en"
                + "&userData%5BfromConfig%5D=c&userData%5B_genesys_source%5D=web"), first.body);
        assertTrue(first.body.endsWith("&endpoint=premium"));
        GmsEmulator.Received r = gms.received("requestChat").get(gms.received("requestChat").size() - 1);
        assertEquals("K-123", r.apikey());
    }

    @Test
    void aNameIsRequiredAndTheServersErrorsReachTheUi() {
        TestPage.Outcome o = page.await("startChat", Js.obj("email", "a@b.c"));
        assertEquals("rejected", o.state);
        assertEquals(400.0, o.value.get("status").num());
        assertEquals(161.0, o.value.get("responseJSON").get("errors").at(0).get("code").num());
        assertEquals(161.0, page.data("error").get("responseJSON").get("errors").at(0).get("code").num());
    }

    @Test
    void sendCarriesTheTypeAndTheParentAsEventAttributes() throws Exception {
        GmsChat chat = start();
        page.await("sendMessage", Js.obj("message", "re: that", "parentMessageID", "m42"));
        GmsEmulator.Received send = gms.received("send").get(gms.received("send").size() - 1);
        assertEquals("text", send.field("messageType"));
        assertEquals("{\"general-properties\":{\"related-event-id\":\"m42\"}}", send.field("eventAttributes"));
        assertEquals(chat.chatId, send.chatId());
        assertTrue(lastSent().url.endsWith("/" + chat.chatId + "/send"));
    }

    @Test
    void noticesUserDataAndTheIdleTimerCancel() throws Exception {
        GmsChat chat = start();
        int before = gms.received("customNotice").size(); // the emulator serves the whole class
        page.await("sendCustomNotice", Js.obj("message", "custom!"));
        assertEquals("custom!", gms.received("customNotice").get(gms.received("customNotice").size() - 1)
                .field("message"));
        page.await("updateUserData", Js.obj("plan", "gold"));
        tab.loop.runUntil(() -> "gold".equals(chat.userDataValue("plan")), 10_000);
        page.command("wake", Js.obj("resetIdleState", true));
        tab.loop.runUntil(() -> gms.received("customNotice").size() == before + 2, 10_000);
        GmsEmulator.Received cancel = gms.received("customNotice").get(before + 1);
        assertEquals("{\"purpose\":\"cancel-idle-timer\"}", cancel.field("eventAttributes"));
        assertEquals(null, cancel.field("message"));
    }

    @Test
    void aNoticeOfANumberOrABooleanGoesAsItsText() throws Exception {
        // as the original's form encoding sends it (found by DifferentialIT: the agent saw the original's "5" and
        // nothing of ours); what encodes to nothing there (undefined, null, an object) still goes as ""
        start();
        page.await("sendCustomNotice", Js.obj("message", 5));
        page.await("sendCustomNotice", Js.obj("message", true));
        page.await("sendCustomNotice", Js.obj("message", Js.obj()));
        List<GmsEmulator.Received> notices = gms.received("customNotice");
        assertEquals(List.of("5", "true", ""), notices.subList(notices.size() - 3, notices.size()).stream()
                .map(r -> r.field("message")).toList());
    }

    @Test
    void filesLimitsUploadTypeErrorsAndDownload() throws Exception {
        GmsChat chat = start();
        // limits
        Value limits = Values.parse(page.await("getFileLimits", null).value.str()); // text, as the original
        Value ud = limits.get("messages").at(0).get("userData");
        assertEquals("jpg:jpeg:png:gif:pdf:txt", ud.get("upload-file-types").str());
        assertTrue(ud.has("upload-need-agent") && ud.has("upload-max-file-size"));
        // upload, shown to both sides as FileUploaded
        Value file = Js.obj("name", "note.txt", "type", "text/plain", "content", "hello file");
        assertEquals("resolved", page.await("sendFile", Js.obj("files", Js.obj("files", Js.arr(file)))).state);
        sync(chat);
        Value uploaded = page.command("getTranscript", null).value.get("messages");
        Value last = uploaded.at(uploaded.length() - 1);
        assertEquals("FileUploaded", last.get("type").str());
        assertEquals("note.txt", last.get("fileDetails").get("file-name").str());
        // a type the server refuses: error 203 with the file name, as the UI shows it
        Value exe = Js.obj("name", "run.exe", "type", "application/octet-stream", "content", "MZ");
        assertEquals("rejected", page.await("sendFile", Js.obj("files", Js.obj("files", Js.arr(exe)))).state);
        Value error = page.data("error");
        assertEquals(400.0, error.get("status").num());
        assertTrue(error.get("responseText").str().contains("\"filename\":\"run.exe\""));
        // download is a form POST in a new tab, with the identity fields
        String fileId = last.get("fileDetails").get("file-id").str();
        page.await("downloadFile", Js.obj("fileId", fileId, "fileName", "note.txt"));
        String[] form = tab.page.submittedForms.get(0);
        assertEquals(dataUrl() + "/" + chat.chatId + "/file/" + fileId + "/download", form[0]);
        assertEquals("secureKey", form[3]);
        assertEquals(chat.secureKey, form[4]);
        // without a file id nothing is posted (the original posted a download of file "undefined")
        assertEquals("rejected:\"" + TransportTexts.NO_FILE_ID + "\"", page.await("downloadFile", null).toString());
        assertEquals(1, tab.page.submittedForms.size());
    }

    @Test
    void everyXhrFieldGoesOnEveryRequestFileCallsIncluded() {
        // given xhrFields with more than withCredentials (jQuery sets each one on the XHR)
        Value fields = Js.obj("withCredentials", true, "timeout", 2500, "wcsProbe", "set");
        page = new TestPage(tab, Js.obj("dataURL", dataUrl(), "xhrFields", fields), new org.wcs.browser.Transports());
        // when a chat starts, polls and asks for the file limits
        start();
        page.await("getFileLimits", null);
        // then each request carries them all, for the browser edge to set after open
        assertTrue(tab.http.sent.size() >= 3);
        for (HttpRequest r : tab.http.sent) {
            assertEquals("{\"withCredentials\":true,\"timeout\":2500,\"wcsProbe\":\"set\"}", Js.json(r.fields),
                    r.url);
            assertTrue(r.withCredentials);
        }
    }

    @Test
    void withAWorkflowGreetingTheFirstAgentIsParticipant3() {
        gms.greeting = "Please wait";
        try {
            // given a chat greeted by the workflow's system party
            GmsChat chat = start();
            // when an agent joins
            gms.agent(chat).joins("Grace").says("Hello");
            sync(chat);
            // then the page knows the agent as participant 3, and the greeting as a system line
            Value agents = page.command("getAgents", null).value.get("agents");
            assertEquals(java.util.List.of("3"), java.util.List.of(agents.keys()));
            assertEquals("Grace", agents.get("3").get("name").str());
            Value greeting = page.command("getTranscript", null).value.get("messages").at(1);
            assertEquals("Please wait", greeting.get("text").str());
            assertEquals("External", greeting.get("from").get("type").str());
        } finally {
            gms.greeting = null;
        }
    }

    @Test
    void botsAreRecognisedByTheirPartyStyle() throws Exception {
        GmsChat chat = start();
        gms.agent(chat).botJoins("Helper").botSays("I am a bot");
        page.awaitEvent("messageReceived");
        assertTrue(names(page.events).startsWith("botConnected,messageReceived"), page.events.toString());
        Value said = page.data("messageReceived").get("messages").at(1);
        assertEquals("Bot", said.get("from").get("type").str());
    }
}
