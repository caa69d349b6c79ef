package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.sandbox.nexus.NexusEmulator;
import org.wcs.sandbox.nexus.NexusSession;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Value;

/** The Client checklist's "Wire" items (spec pureengage-v3.md section 17): what goes over HTTP, exactly. */
class NexusWireTest extends NexusFixture {

    @Test
    void requestsGoToDataUrlAndAttachmentsToItsChatRoot() {
        // given
        loadWith(transport());
        startChat();
        NexusSession s = session();
        // when an agent sends an image
        int before = transcriptTexts().size();
        s.agent("Grace").image("image/png", new byte[] {1, 2});
        awaitMessages(before + 1);
        settleIo();
        // then every call went under dataURL, and the image was fetched from dataURL minus "/sessions" + its url
        for (Sent r : sent) {
            assertTrue(r.request.url.startsWith(base()), r.request.url);
        }
        assertEquals(sandbox.url() + "/nexus/v3/chat" + "/sessions/" + s.id + "/images/img1",
                last("GET", "/images/").request.url);
    }

    @Test
    void configuredHeadersGoOnEveryRequestAndTheClientKeyAfterCreate() {
        // given a custom header beside the API key
        loadWith(transport().set("headers", Js.obj("x-api-key", NexusEmulator.API_KEY, "x-tenant", "t1")));
        startChat();
        settle("sendMessage", Js.obj("message", "hi"));
        settle("updateUserData", Js.obj("k", "v"));
        settle("endChat", null);
        // then
        assertEquals(List.of("POST ", "GET /" + session().id + "/messages?count=10000&operationId=X", "POST /"
                + session().id
                + "/messages", "PUT /" + session().id + "/userdata", "DELETE /" + session().id + "/participants/"
                + session().customerId), lines());
        for (Sent r : sent) {
            assertEquals(NexusEmulator.API_KEY, r.request.header("x-api-key"));
            assertEquals("t1", r.request.header("x-tenant"));
        }
        assertNull(sent.get(0).request.header("x-nexus-client-key"), "none on create");
        String token = creates().get(0).header("x-nexus-client-key") == null
                ? sent.get(1).request.header("x-nexus-client-key") : null;
        assertTrue(token != null && token.split("\\.").length == 3, "the client token: " + token);
        for (Sent r : sent.subList(1, sent.size())) {
            assertEquals(token, r.request.header("x-nexus-client-key"));
        }
    }

    @Test
    void startChatHeadersReplaceTheConfiguredOnesAndItsDataUrlServesTheCreateOnly() {
        // given a configured tenant header
        loadWith(transport().set("headers", Js.obj("x-api-key", NexusEmulator.API_KEY, "x-tenant", "t1")));
        // when the start brings its own headers and URL (spec 3.2)
        settle("startChat", Js.obj("form", Js.obj("firstname", "Ada"), "dataURL", base() + "?via=start",
                "headers", Js.obj("x-api-key", NexusEmulator.API_KEY, "x-tenant", "t2")));
        settleIo();
        settle("sendMessage", Js.obj("message", "hi"));
        // then the create went to the given URL, later calls to the configured one, all with the given headers
        assertEquals(base() + "?via=start", sent.get(0).request.url);
        assertTrue(last("POST", "/messages").request.url.startsWith(base() + "/" + session().id + "/"));
        for (Sent r : sent) {
            assertEquals("t2", r.request.header("x-tenant"), r.line());
        }
    }

    @Test
    void bodiesAreJqueryFormsWithAFreshOperationIdEach() {
        // given
        loadWith(transport());
        startChat();
        settle("sendMessage", Js.obj("message", "two words & more"));
        // then the body is urlencoded in bracket notation, spaces as '+'
        Sent send = last("POST", "/messages");
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", send.request.header("Content-Type"));
        assertTrue(send.request.body.startsWith("data%5Btype%5D=Text&data%5Btext%5D=two+words+%26+more&operationId="),
                send.request.body);
        // and every request carries its own operationId (query for GET, body otherwise)
        List<String> ids = new ArrayList<>();
        for (NexusEmulator.Received r : nexus.received()) {
            ids.add(r.operationId());
        }
        assertEquals(nexus.received().size(), new HashSet<>(ids).size(), ids.toString());
        assertTrue(last("GET", "/messages").request.url.contains("operationId="));
        for (String id : ids) {
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        }
    }

    @Test
    void createCarriesNamesEndpointUserDataAndTheOtherFormFields() {
        // given configured user data, clientType and stream
        load(Js.obj("userData", Js.obj("Configured", "c"), "transport", transport().set("clientType", "web")
                .set("stream", "dev")));
        // when the page starts a chat with a v3 form
        settle("startChat", Js.obj("form", Js.obj("firstname", "Ada", "lastname", "Lovelace", "email",
                "ada@example.test", "subject", "Billing", "userData", Js.obj("FromForm", "f")),
                "userData", Js.obj("Lang", "en", "phone", 5550100)));
        // then
        Map<String, Object> data = creates().get(0).data();
        assertEquals("Ada", data.get("firstName"));
        assertEquals("Lovelace", data.get("lastName"));
        assertEquals("Ada", data.get("nickname"), "nickname falls back to firstname");
        assertEquals(NexusEmulator.ENDPOINT, data.get("endpoint"));
        assertEquals("web", data.get("clientType"));
        assertEquals("dev", data.get("stream"));
        assertEquals("ada@example.test", data.get("email"));
        assertEquals("Billing", data.get("subject"));
        @SuppressWarnings("unchecked")
        Map<String, Object> userData = (Map<String, Object>) data.get("userData");
        assertEquals("c", userData.get("Configured"));
        assertEquals("f", userData.get("FromForm"), "form.userData merged (quirk 11)");
        assertEquals("en", userData.get("Lang"));
        assertEquals("5550100", userData.get("PhoneNumber"));
        assertEquals("web", userData.get("_genesys_source"));
        assertEquals(tab.page.href, userData.get("_genesys_url"));
        assertEquals("Test page", userData.get("_genesys_pageTitle"));
        assertEquals("", userData.get("_genesys_referrer"));
        assertEquals("Linux", userData.get("_genesys_OS"));
        assertEquals(List.of("firstName", "lastName", "nickname", "endpoint", "userData", "clientType", "stream",
                "email", "subject"), new ArrayList<>(data.keySet()));
        // and without clientType/stream configured they are absent
        nexus.reset();
        sent.clear();
        tab = new org.wcs.jvm.JvmPlatform();
        platform = platform(tab);
        loadWith(transport());
        settle("startChat", Js.obj("form", Js.obj("nickname", "Ace", "firstname", "Ada")));
        Map<String, Object> plain = creates().get(0).data();
        assertFalse(plain.containsKey("clientType"));
        assertFalse(plain.containsKey("stream"));
        assertEquals("Ace", plain.get("nickname"));
        assertEquals("", plain.get("lastName"), "missing names are empty strings");
    }

    @Test
    void resumeSendsOnlyEndpointAndUserDataWithTheStoredKey() {
        // given an async chat started elsewhere, whose token the store holds
        loadWith(transport().set("async", async()).set("clientType", "web"));
        startChat();
        String stored = this.stored;
        // when a fresh browser (no cookies) loads the page with the same store
        tab = new org.wcs.jvm.JvmPlatform();
        platform = platform(tab);
        this.stored = stored;
        sent.clear();
        nexus.clearReceived();
        loadWith(transport().set("async", async()).set("clientType", "web"));
        until(() -> events.contains("restored"));
        // then
        NexusEmulator.Received resume = creates().get(0);
        assertEquals("POST", resume.method());
        assertEquals(org.wcs.value.Values.parse(stored).get("token").str(), resume.header("x-nexus-client-key"));
        assertEquals(List.of("endpoint", "userData", "clientType"), new ArrayList<>(resume.data().keySet()));
    }

    @Test
    void textAndTypingAreMessagesOfTheirType() {
        // given
        loadWith(transport());
        startChat();
        // when the customer types, then sends
        settle("sendTyping", Js.obj("message", "Hel"));
        tab.loop.advance(2000);
        settleIo();
        settle("sendMessage", Js.obj("message", "Hello"));
        // then
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (NexusEmulator.Received r : nexus.received("POST", "/messages")) {
            bodies.add(r.data());
        }
        assertEquals(List.of(Map.of("type", "TypingStarted", "text", "Hel"), Map.of("type", "TypingStopped",
                "text", ""), Map.of("type", "Text", "text", "Hello")), bodies);
    }

    @Test
    void aTopLevelChatEndedInASendReplyEndsTheChat() {
        // given a session the server has closed
        loadWith(transport().set("pollTimeout", 60_000));
        startChat();
        session().done();
        // when the customer writes
        settle("sendMessage", Js.obj("message", "anyone?"));
        // then
        assertTrue(events.contains("ended"), events.toString());
        assertFalse(service.isActive());
    }

    @Test
    void readsUseTheFourQueryFormsOfTheSpec() {
        // given an async chat with a history to page through
        nexus.decimalIndexes(true);
        loadWith(transport().set("async", async()).set("sleepEnabled", true));
        startChat();
        NexusSession s = session();
        for (int i = 0; i < 20; i++) {
            s.agent("Grace").says("m" + i);
        }
        nextPoll();
        // a reload restores (4c), history pages (4d), live reads ask for what comes after the last index seen (4b)
        sent.clear();
        loadWith(transport().set("async", async()).set("sleepEnabled", true));
        until(() -> events.contains("restored"));
        settleIo();
        settle("fetchHistory", null);
        settleIo();
        command("sleep", null);
        command("wake", null);
        settleIo();
        nextPoll();
        // then: restore page, first poll, history page, the read that resumes polling after it, the read after
        // waking, and the next poll: every live read names the last index seen, so it does not depend on the
        // server's per-participant cursor (which tabs of one chat share)
        String sid = "/" + s.id + "/messages?";
        assertEquals(List.of("GET " + sid + "count=20&operationId=X", "GET " + sid + "operationId=X&index=21",
                "GET " + sid + "index=2&count=20&operationId=X", "GET " + sid + "operationId=X&index=21",
                "GET " + sid + "operationId=X&index=21", "GET " + sid + "operationId=X&index=21"), lines());
    }

    @Test
    void userDataUploadAndLeaveUseTheirEndpoints() {
        // given
        loadWith(transport());
        startChat();
        // when
        settle("updateUserData", Js.obj("AccountNumber", "778812", "Tier", "gold"));
        Value file = Js.obj("name", "cat.png", "type", "image/png", "content", "PNG");
        Outcome upload = settle("sendFile", Js.obj("files", Js.obj("files", Js.arr(file))));
        settle("endChat", null);
        // then
        assertEquals("778812", session().userData.get("AccountNumber"));
        assertEquals("gold", session().userData.get("Tier"));
        assertEquals(Map.of("AccountNumber", "778812", "Tier", "gold"), nexus.received("PUT", "/userdata").get(0)
                .data());
        NexusEmulator.Received images = nexus.received("POST", "/images").get(0);
        assertTrue(images.contentType().startsWith("multipart/form-data; boundary="));
        assertTrue(images.operationId() != null && !images.operationId().isEmpty());
        assertEquals("resolved", upload.state);
        assertTrue(upload.text().contains("/images/img1"), "the answer's text, as it came");
        NexusEmulator.Received leave = nexus.received("DELETE", "/participants/" + session().customerId).get(0);
        assertTrue(leave.contentType().startsWith("application/x-www-form-urlencoded"));
        assertEquals(List.of("operationId"), new ArrayList<>(leave.body().keySet()));
        assertTrue(session().closed());
    }

    @Test
    void theTokensClaimsAreTheSessionDataAndANewTokenReplacesTheOld() {
        // given an async chat
        loadWith(transport().set("async", async()));
        startChat();
        Value data = settle("getSessionData", null).value;
        // then the claims, as the token says; the token only in started, as with the original
        assertEquals(session().id, data.get("sessionId").str());
        assertEquals(session().customerId, data.get("participantId").str());
        assertEquals(session().transportId, data.get("transportId").str());
        assertTrue(data.get("token").isUndefined());
        String first = data("started").get("data").get("token").str();
        assertEquals(first, last("GET", "/messages").request.header("x-nexus-client-key"));
        // when the page reloads in a fresh browser and resumes: the resumed token is used from then on
        String store = stored;
        tab = new org.wcs.jvm.JvmPlatform();
        platform = platform(tab);
        stored = store;
        loadWith(transport().set("async", async()));
        until(() -> events.contains("restored"));
        settleIo();
        String renewed = storeCalls.get(storeCallNames.lastIndexOf("getSessionData"))[0].get("token").str();
        assertNotEquals(first, renewed);
        assertEquals(renewed, last("GET", "/messages").request.header("x-nexus-client-key"));
    }
}
