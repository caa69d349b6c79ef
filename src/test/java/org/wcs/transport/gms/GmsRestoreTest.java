package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.sandbox.gms.GmsAgent;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.service.SiteCookies;
import org.wcs.service.TestPage;
import org.wcs.value.Value;

/** Restore across page loads, cookies and tabs (spec gms-v2 §8.1, §9; checklist G26, G42-G44). */
class GmsRestoreTest extends GmsFixture {
    private static final String STATE = "_genesys.widgets.webchat.state.";

    @Test
    void cookiesHoldTheSessionForTheNextPage() throws Exception { // spec §9.1
        GmsChat chat = start();
        assertEquals(chat.chatId, tab.cookies.get(STATE + "session"));
        assertEquals("{%22secureKey%22:%22" + chat.secureKey + "%22%2C%22alias%22:%22" + chat.alias
                + "%22%2C%22userId%22:%22" + chat.userId + "%22}", tab.cookies.get(STATE + "keys"));
        assertTrue(tab.cookies.get(STATE + "ping") != null);
        assertEquals("; path=/; samesite=strict", tab.cookies.attributes.get(STATE + "session"),
                "no domain on 127.0.0.1 or localhost, not secure on http");
    }

    @Test
    void aReloadMidChatRestoresTheTranscriptAndGoesOn() throws Exception { // G42
        // given a chat with an agent
        GmsChat chat = start();
        gms.agent(chat).joins("Grace").says("Before the reload");
        sync(chat);
        // when the page reloads 5 s later
        reload(5_000);
        page.awaitEvent("pollingStarted");
        // then without any command the chat is back, replayed with restoring:true
        assertEquals("data.userData,ready,data.sessionActive,restored,clientConnected,agentConnected,"
                + "messageReceived,pollingStarted", names(concat()));
        Value replay = page.data("messageReceived");
        assertTrue(replay.get("restoring").truthy());
        assertTrue(replay.get("messages").at(0).get("restoring").truthy());
        assertEquals("1", gms.received("refresh").get(gms.received("refresh").size() - 1).field("transcriptPosition"));
        assertEquals(chat.lines(), transcript());
        // and it continues
        gms.agent(chat).says("After the reload");
        sync(chat);
        assertEquals(chat.lines(), transcript());
        assertEquals("resolved:{\"sessionActive\":true}", page.command("verifySession", null).toString());
    }

    @Test
    void aLongTranscriptIsRestoredWithOneWriteOfItsPosition() throws Exception {
        // given a chat of 300 agent messages
        GmsChat chat = start();
        GmsAgent agent = gms.agent(chat).joins("Grace");
        for (int i = 0; i < 300; i++) {
            agent.says("line " + i);
        }
        sync(chat);
        // when the page reloads and restores it in one answer
        reload(1_000);
        tab.cookies.writes.clear();
        page.awaitEvent("pollingStarted");
        assertEquals(chat.lines(), transcript());
        // then the next position to ask for was stored once, not once per message
        assertEquals(1, tab.cookies.writes.get(STATE + "index"));
        assertEquals(String.valueOf(chat.size() + 1), tab.cookies.get(STATE + "index"));
    }

    private java.util.List<String> concat() {
        java.util.List<String> all = new java.util.ArrayList<>(page.bootEvents);
        all.addAll(page.events);
        return all;
    }

    @Test
    void aReloadAfterRestoreTimeoutIsRefusedWithoutCallingTheServer() throws Exception { // G43
        GmsChat chat = start();
        int refreshes = gms.received("refresh").size();
        TestPage later = reload(61_000);
        tab.loop.runDue();
        assertEquals("data.userData,ready,restoreTimeout", names(concat()));
        assertEquals(refreshes, gms.received("refresh").size(), "no request");
        assertNull(tab.cookies.get(STATE + "session"));
        assertEquals("rejected:\"No chat session found to restore.\"", later.await("restore", null).toString());
        assertTrue(!chat.ended(), "the server chat is simply abandoned");
    }

    @Test
    void aChatThatEndedMeanwhileRestoresAsRestoreTimeout() throws Exception { // G44
        GmsChat chat = start();
        gms.agent(chat).ends();
        // the page is gone before its next poll: reload a moment later
        TestPage later = reload(1_000);
        later.awaitEvent("restoreTimeout");
        assertTrue(!names(concat()).contains("restored,"));
        assertNull(tab.cookies.get(STATE + "session"));
    }

    @Test
    void anotherTabEndingTheChatEndsItHereAtTheNextRequest() throws Exception { // spec §2.6
        GmsChat chat = start();
        JvmPlatform second = new JvmPlatform(tab.loop, tab.cookies, tab.storage);
        TestPage other = new TestPage(second, config(), new Transports());
        other.awaitEvent("pollingStarted");
        assertEquals("resolved", other.await("endChat", null).state);
        page.awaitEvent("ended");
        assertEquals(1, gms.received("disconnect").stream().filter(r -> r.chatId().equals(chat.chatId)).count());
    }

    @Test
    void aSecondTabCannotStartWhileTheFirstIsStarting() { // spec §8.1 start lock
        tab.cookies.set(STATE + "chatStartLock", Long.toString((long) tab.loop.now() - 1000), "; path=/");
        assertEquals("rejected:{\"statusCode\":1}", page.await("startChat", Js.obj("nickname", "Ada")).toString());
        tab.loop.advance(1000);
        assertEquals("resolved", page.await("startChat", Js.obj("nickname", "Ada")).state);
        assertNull(tab.cookies.get(STATE + "chatStartLock"), "released when the answer came");
    }

    @Test
    void deploymentIdPrefixesEveryCookieAndHttpsPagesGetDomainAndSecure() { // G26
        tab.page.href = "https://www.example.com/shop";
        SiteCookies prefixed = new SiteCookies(tab.platform, Js.obj("deploymentID", "D"));
        prefixed.set(STATE + "session", "C1");
        assertEquals("C1", tab.cookies.get("D." + STATE + "session"));
        assertEquals("; path=/; domain=.example.com; samesite=strict; secure",
                tab.cookies.attributes.get("D." + STATE + "session"));
        SiteCookies custom = new SiteCookies(tab.platform, Js.obj("cookieOptions", Js.obj("sameSite", "lax")));
        custom.set("x", "1");
        assertEquals("; path=/; domain=.example.com; samesite=lax; secure", tab.cookies.attributes.get("x"));
    }
}
