package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.sandbox.nexus.NexusSession;
import org.wcs.service.Events;
import org.wcs.service.TestPage.Outcome;
import org.wcs.service.Texts;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Async mode (spec 9, 10; Client checklist "Async mode"): the integrator's store through the three callbacks, restore
 * in the same and in a fresh browser, history paging, and a session that is lost or ended.
 */
class NexusAsyncTest extends NexusFixture {

    /** A new browser: no cookies, no storage, but the integrator's store keeps what it had. */
    void freshBrowser() {
        String keep = stored;
        tab = new JvmPlatform();
        platform = platform(tab);
        stored = keep;
        sent.clear();
        nexus.clearReceived();
        storeCallNames.clear();
        storeCalls.clear();
    }

    Value asyncTransport() {
        return transport().set("async", async());
    }

    @Test
    void theStoreIsToldTheTokenAfterCreateAndTheNewestIndexAsMessagesArrive() {
        // given
        nexus.decimalIndexes(true);
        loadWith(asyncTransport());
        tab.loop.runDue();
        assertEquals(List.of("setSessionData"), storeCallNames, "asked once, at load");
        Value open = storeCalls.get(0)[0];
        assertEquals("_genesys.widgets.webchat.state.pureengage-v3-rest.open", open.str());
        // when
        startChat();
        // then: after create {messageIndex: 0, token}, after the first batch the newest index
        assertEquals(List.of("setSessionData", "getSessionData", "getSessionData"), storeCallNames);
        String token = data("started").get("data").get("token").str();
        assertEquals("{\"messageIndex\":0,\"token\":\"" + token + "\"}", Js.json(storeCalls.get(1)[0]));
        assertEquals("{\"messageIndex\":\"1\",\"token\":\"" + token + "\"}", Js.json(storeCalls.get(2)[0]));
        // the Cookie and CookieOptions arguments
        Value cookie = storeCalls.get(1)[1];
        for (String fn : new String[] {"set", "get", "getJSON", "remove"}) {
            assertTrue(cookie.get(fn).isFunction(), fn);
        }
        assertEquals("{\"samesite\":\"strict\"}", Js.json(storeCalls.get(1)[2]), "localhost: no domain");
        // reads without news do not bother the store, nor does any request read it again (quirk 15's cousin)
        nextPoll();
        nextPoll();
        session().agent("Grace").says("hi").says("there");
        nextPoll();
        assertEquals(List.of("setSessionData", "getSessionData", "getSessionData", "getSessionData"),
                storeCallNames);
        assertEquals("3", storeCalls.get(3)[0].get("messageIndex").str());
        assertFalse(tab.cookies.all().containsKey("_genesys.widgets.webchat.state.pureengage-v3-rest.keys"),
                "the token is the store's business");
    }

    @Test
    void onAnHttpsPageTheCookieOptionsGivenToTheStoreSaySecure() {
        // given an https page of www.example.com
        tab.page.href = "https://www.example.com/shop/";
        loadWith(asyncTransport());
        // when a chat starts
        startChat();
        // then the store's CookieOptions keep every field and add secure, as the site's own cookies have it
        assertEquals("{\"domain\":\".example.com\",\"path\":\"/\",\"samesite\":\"strict\",\"secure\":true}",
                Js.json(storeCalls.get(storeCallNames.indexOf("getSessionData"))[2]));
        assertEquals("{\"domain\":\".example.com\",\"path\":\"/\",\"samesite\":\"strict\",\"secure\":true}",
                Js.json(storeCalls.get(0)[2]), "setSessionData at load too");
    }

    @Test
    void aFreshBrowserResumesTheStoredTokenThenReadsTheLatestPage() {
        // given a chat with some history, then the customer leaves
        nexus.decimalIndexes(true);
        loadWith(asyncTransport());
        startChat();
        session().agent("Grace").joins().says("Hello Ada");
        nextPoll();
        // when they come back in another browser
        freshBrowser();
        loadWith(asyncTransport());
        until(() -> events.contains(Events.RESTORED));
        settleIo();
        // then: resume with the stored key, store the renewed token, read a page, restored {async: true}, poll
        assertEquals(List.of("POST ", "GET /" + session().id + "/messages?count=20&operationId=X", "GET /"
                + session().id + "/messages?operationId=X&index=" + idx(2)), lines());
        assertEquals(List.of("setSessionData", "getSessionData", "getSessionData"), storeCallNames);
        assertEquals("{\"async\":true}", Js.json(data(Events.RESTORED)));
        Value batch = data(Events.MESSAGE_RECEIVED);
        assertTrue(batch.get("restoring").truthy());
        assertEquals(List.of("ParticipantJoined", "ParticipantJoined", "Hello Ada"), texts(batch));
        assertTrue(service.isActive());
        assertEquals("resolved", settle("sendMessage", Js.obj("message", "I'm back")).state);
    }

    private static List<String> texts(Value batch) {
        List<String> out = new ArrayList<>();
        Value ms = batch.get("messages");
        for (int i = 0; i < ms.length(); i++) {
            out.add(ms.at(i).get("text").str(ms.at(i).get("type").str()));
        }
        return out;
    }

    @Test
    void theSameBrowserReadsWithoutResuming() {
        loadWith(asyncTransport());
        startChat();
        sent.clear();
        loadWith(asyncTransport());
        until(() -> events.contains(Events.RESTORED));
        settleIo();
        assertEquals(List.of("GET /" + session().id + "/messages?count=20&operationId=X", "GET /" + session().id
                + "/messages?operationId=X&index=" + idx(0)), lines());
        assertEquals("{\"async\":true}", Js.json(data(Events.RESTORED)));
    }

    @Test
    void withoutAsyncAReloadReadsTheWholeTranscriptFromTheCookies() {
        loadWith(transport().set("maxMessagePageSize", 5));
        startChat();
        assertTrue(tab.cookies.all().containsKey("_genesys.widgets.webchat.state.pureengage-v3-rest.keys"));
        assertEquals(session().id, tab.cookies.get("_genesys.widgets.webchat.state.pureengage-v3-rest.session"));
        sent.clear();
        loadWith(transport().set("maxMessagePageSize", 5));
        until(() -> events.contains(Events.RESTORED));
        assertEquals("GET /" + session().id + "/messages?count=10000&operationId=X", lines().get(0));
        assertEquals("{\"async\":false}", Js.json(data(Events.RESTORED)));
        assertEquals(TransportTexts.HISTORY_NEEDS_ASYNC, settle("fetchHistory", null).text());
        assertEquals(Texts.RESTORE_WHILE_ACTIVE, settle("restore", null).text());
    }

    @Test
    void restoreTakesAnExplicitJwt() {
        // given a chat whose token the page got somehow (e.g. its own backend)
        loadWith(asyncTransport());
        startChat();
        String token = data("started").get("data").get("token").str();
        freshBrowser();
        stored = null;
        // when
        loadWith(asyncTransport());
        tab.loop.runDue();
        assertEquals(TransportTexts.NOTHING_TO_RESTORE, settle("restore", null).text(), "nothing stored");
        Outcome o = settle("restore", Js.obj("sessionData", token));
        // then
        assertEquals("resolved", o.state, o.toString());
        assertEquals(token, creates().get(0).header("x-nexus-client-key"));
        assertTrue(events.contains(Events.RESTORED));
        settle("endChat", null);
        assertEquals(NexusTexts.CANNOT_RESTORE_ASYNC, settle("restore", Js.obj("sessionData", "garbage")).text());
    }

    @Test
    void historyPagesBackUntilThereIsNoMore() {
        // given 42 messages, restored in another browser with pages of 20
        nexus.decimalIndexes(true);
        loadWith(asyncTransport());
        startChat();
        NexusSession.Agent grace = session().agent("Grace").joins();
        for (int i = 3; i <= 42; i++) {
            grace.says("m" + i);
        }
        nextPoll();
        freshBrowser();
        loadWith(asyncTransport());
        until(() -> events.contains(Events.RESTORED));
        settleIo();
        // when the customer scrolls up until there is nothing more
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            outcomes.add(settle("fetchHistory", null).state);
            settleIo();
        }
        outcomes.add(settle("fetchHistory", null).text());
        // then: the third page is just the anchor, which means nothing is older
        assertEquals(List.of("resolved", "resolved", "resolved", TransportTexts.NO_MORE_MESSAGES), outcomes);
        String sid = "/" + session().id + "/messages?";
        List<String> reads = new ArrayList<>();
        for (String l : lines()) {
            if (l.startsWith("GET")) {
                reads.add(l.substring(4).replace(sid, ""));
            }
        }
        // restore page, first poll (after the newest restored), then each history page (anchor inclusive) and the
        // read that resumes polling
        assertEquals(List.of("count=20&operationId=X", "operationId=X&index=42", "index=23&count=20&operationId=X",
                "operationId=X&index=42", "index=4&count=20&operationId=X", "operationId=X&index=42",
                "index=1&count=20&operationId=X", "operationId=X&index=42"), reads);
        // every message was published exactly once, history pages newest first
        Set<String> seen = new HashSet<>();
        int published = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).equals(Events.MESSAGE_RECEIVED)) {
                Value ms = eventData.get(i).get("messages");
                for (int k = 0; k < ms.length(); k++) {
                    seen.add(ms.at(k).get("index").str());
                    published++;
                }
            }
        }
        assertEquals(42, seen.size());
        assertEquals(42, published);
        // the store only ever moved forward (quirk 13)
        for (Value[] call : storeCalls) {
            if (call[0].get("messageIndex").isString()) {
                assertEquals("42", call[0].get("messageIndex").str());
            }
        }
    }

    @Test
    void historyWorksForAChatStartedOnThisPage() { // quirk 7
        loadWith(asyncTransport());
        startChat();
        assertEquals("resolved", settle("fetchHistory", null).state);
        settleIo();
        assertEquals(TransportTexts.NO_MORE_MESSAGES, settle("fetchHistory", null).text());
        nextPoll();
        assertTrue(service.isActive(), "polling goes on");
    }

    @Test
    void aStoredSessionThatIsGoneIsForgottenAtLoad() {
        for (String how : new String[] {"expired", "ended", "deleted"}) {
            freshTab();
            stored = null;
            loadWith(asyncTransport());
            startChat();
            if (how.equals("expired")) {
                nexus.expireTokens(); // resume answers 401
            } else if (how.equals("ended")) {
                session().done(); // resume answers 404
            } else {
                nexus.reset(); // the session is unknown
            }
            freshBrowser();
            loadWith(asyncTransport());
            until(() -> events.contains(Events.SESSION_LOST));
            settleIo();
            assertFalse(events.contains(Events.RESTORED), how);
            assertEquals(List.of("setSessionData", "deleteSessionData"), storeCallNames, how);
            assertNull(stored, how);
            assertFalse(service.isActive());
            // and a new chat does not send the dead key (quirk 10)
            nexus.clearReceived();
            assertEquals("resolved", startChat().state, how);
            assertNull(creates().get(0).header("x-nexus-client-key"), how);
        }
    }

    @Test
    void aSessionGoneAtTheSameBrowserReloadIsLostToo() {
        loadWith(asyncTransport());
        startChat();
        nexus.reset();
        loadWith(asyncTransport());
        until(() -> events.contains(Events.SESSION_LOST));
        assertTrue(storeCallNames.contains("deleteSessionData"));
        assertEquals("pureengage-v3-rest-INVALID_SESSION", data(Events.ERROR).get("errors").at(0).get("code").str());
    }

    @Test
    void endingTheChatClearsTheStore() { // quirk 12
        loadWith(asyncTransport());
        startChat();
        settle("endChat", null);
        assertEquals("deleteSessionData", storeCallNames.get(storeCallNames.size() - 1));
        Value errorData = storeCalls.get(storeCalls.size() - 1)[0];
        assertEquals(session().id, errorData.get("sessionData").get("sessionId").str());
        assertEquals(200, (int) errorData.get("response").get("status").num());
        assertNull(stored);
        freshBrowser();
        loadWith(asyncTransport());
        tab.loop.runDue();
        assertEquals(List.of(), sent, "nothing to restore");
    }

    @Test
    void aChatTheServerEndsIsForgottenByTheStore() {
        loadWith(asyncTransport());
        startChat();
        session().done();
        nextPoll();
        assertTrue(events.contains(Events.ENDED));
        assertNull(stored);
    }

    @Test
    void theConfiguredHeadersAreNeverChanged() { // quirk 10
        Value headers = Js.obj("x-api-key", org.wcs.sandbox.nexus.NexusEmulator.API_KEY);
        loadWith(transport().set("headers", headers).set("async", async()));
        startChat();
        freshBrowser();
        loadWith(transport().set("headers", headers).set("async", async()));
        until(() -> events.contains(Events.RESTORED));
        assertEquals("{\"x-api-key\":\"" + org.wcs.sandbox.nexus.NexusEmulator.API_KEY + "\"}", Js.json(headers));
    }

    @Test
    void theDocumentedCookieStoreWorks() {
        // given the integration of the Genesys docs: the store is a cookie written with the Cookie argument
        Value async = Js.obj("enabled", true,
                "getSessionData", Values.function((s, a) -> {
                    Js.call(a[1], "set", "customer-defined-session-cookie", Values.stringify(a[0]), a[2]);
                    return Values.undefined();
                }),
                "setSessionData", Values.function((s, a) -> Js.call(a[1], "get", "customer-defined-session-cookie")),
                "deleteSessionData", Values.function((s, a) -> Js.call(a[1], "remove",
                        "customer-defined-session-cookie",
                        a[2])));
        loadWith(transport().set("async", async));
        startChat();
        String cookie = tab.cookies.get("customer-defined-session-cookie");
        assertTrue(cookie.startsWith("{%22messageIndex%22:"), "encoded as js-cookie does: " + cookie);
        assertTrue(tab.cookies.attributes.get("customer-defined-session-cookie").contains("samesite=strict"));
        assertTrue(tab.cookies.attributes.get("customer-defined-session-cookie").contains("path=/"));
        // when the session cookie is lost (another browser would be the same) the store alone restores it
        tab.cookies.set("_genesys.widgets.webchat.state.pureengage-v3-rest.session", "", "; max-age=0");
        sent.clear();
        loadWith(transport().set("async", async));
        until(() -> events.contains(Events.RESTORED));
        assertEquals("POST ", lines().get(0));
        // and ending the chat removes the cookie
        settle("endChat", null);
        assertNull(tab.cookies.get("customer-defined-session-cookie"));
    }
}
