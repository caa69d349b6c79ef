package org.wcs.sandbox.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.SandboxTest;

/** The emulator on its own, over HTTP, against the Emulator checklist of spec gms-v2. */
class GmsEmulatorTest extends SandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static GmsEmulator gms;

    @BeforeAll
    static void emulator() {
        gms = sandbox.emulator(GmsEmulator.class);
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + GmsEmulator.PREFIX + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static GmsChat open() throws Exception {
        JsonNode a = json(post("svc/", "alias=&secureKey=&userId=&nickname=Ada&text="
                + "&userData%5Bkey%201%5D=v%201"));
        return gms.chat(a.get("chatId").asText());
    }

    private static String id(GmsChat c) {
        return "secureKey=" + c.secureKey + "&userId=" + c.userId + "&alias=" + c.alias;
    }

    @Test
    void requestChatAnswersJsonWithIdentityAndTheCustomersJoin() throws Exception { // checklist 1
        HttpResponse<String> r = post("svc", "firstName=Ada&lastName=Lovelace");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode a = json(r);
        for (String k : new String[] {"chatId", "secureKey", "userId", "alias"}) {
            assertFalse(a.get(k).asText().isEmpty(), k);
        }
        assertEquals(0, a.get("statusCode").asInt());
        assertFalse(a.get("chatEnded").asBoolean());
        assertEquals("ParticipantJoined", a.get("messages").get(0).get("type").asText());
        assertEquals(1, a.get("messages").get(0).get("index").asInt());
        assertEquals("Ada Lovelace", a.get("messages").get(0).get("from").get("nickname").asText());
        assertEquals("v 1", open().userDataValue("key 1"), "bracketed, percent-encoded userData keys");
    }

    @Test
    void aNameIsRequired() throws Exception {
        assertEquals(161, json(post("svc/", "nickname=&firstName=&lastName=")).get("errors").get(0).get("code")
                .asInt());
        assertEquals(103, json(post("svc/", "firstName=Ada")).get("errors").get(0).get("code").asInt());
        assertEquals(400, post("svc/", "lastName=L").statusCode());
    }

    @Test
    void refreshHonoursTheTranscriptPosition() throws Exception { // checklist 2, 3
        GmsChat c = open();
        gms.agent(c).joins("Grace").says("one").says("two");
        String base = "svc/" + c.chatId + "/refresh";
        assertEquals(0, json(post(base, id(c) + "&transcriptPosition=0")).get("messages").size());
        assertEquals(4, json(post(base, id(c) + "&transcriptPosition=1")).get("messages").size());
        JsonNode tail = json(post(base, "secureKey=" + c.secureKey + "&transcriptPosition=3&message=typing..."));
        assertEquals(2, tail.get("messages").size());
        assertEquals(3, tail.get("messages").get(0).get("index").asInt());
        assertEquals(5, tail.get("nextPosition").asInt());
        assertTrue(tail.has("chatEnded"));
        assertEquals("typing...", c.preview);
        assertEquals(400, post(base, "secureKey=wrong&transcriptPosition=1").statusCode());
        assertEquals(400, post(base, "secureKey=" + c.secureKey + "&userId=other").statusCode());
    }

    @Test
    void sendNoticeDataAndDisconnect() throws Exception { // checklist 4, 5, 8
        GmsChat c = open();
        String base = "svc/" + c.chatId + "/";
        post(base + "send", id(c) + "&message=Hello%20there&messageType=text");
        post(base + "updateData", id(c) + "&userData%5Bplan%5D=gold");
        post(base + "customNotice", id(c) + "&message=note");
        post(base + "startTyping", id(c) + "&transcriptPosition=3&message=dra");
        assertEquals("dra", c.preview);
        assertEquals("gold", c.userDataValue("plan"));
        JsonNode end = json(post(base + "disconnect", id(c)));
        assertTrue(end.get("chatEnded").asBoolean());
        assertEquals(java.util.List.of("1 ParticipantJoined Client ", "2 Message Client Hello there",
                "3 CustomNotice Client note", "4 ParticipantLeft Client "), c.lines());
        assertTrue(json(post(base + "refresh", id(c) + "&transcriptPosition=1")).get("chatEnded").asBoolean());
    }

    @Test
    void scriptedAgentIdleAlertAndEnd() throws Exception { // checklist 6
        GmsChat c = open();
        gms.agent(c).joins("Grace").typing(true).typing(false).pushUrl("https://example.org").notice("system")
                .idleAlert(30).idleClose();
        JsonNode all = json(post("svc/" + c.chatId + "/refresh", id(c) + "&transcriptPosition=1"));
        assertTrue(all.get("chatEnded").asBoolean());
        JsonNode alert = all.get("messages").get(6);
        assertEquals("IdleAlert", alert.get("type").asText());
        assertEquals("CLOSE", alert.get("userData").get("next-idle-timer-type").asText());
        assertEquals("IdleClose", all.get("messages").get(7).get("type").asText());
    }

    /** {@code participantId} of each event of a refresh from the start, as "index type participantId". */
    private static java.util.List<String> parties(GmsChat c) throws Exception {
        JsonNode all = json(post("svc/" + c.chatId + "/refresh", id(c) + "&transcriptPosition=1")).get("messages");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode m : all) {
            out.add(m.get("index").asInt() + " " + m.get("type").asText() + " " + m.get("from").get("type").asText()
                    + " " + m.get("from").get("participantId").asInt());
        }
        return out;
    }

    @Test
    void partiesAreNumberedInTheOrderTheyJoinTheSystemPartyWhenItFirstSpeaks() throws Exception {
        // given a chat the customer started (1) and an agent joined (2)
        GmsChat c = open();
        gms.agent(c).joins("Grace").says("Hi");
        // when the system speaks, a supervisor joins and the system speaks again
        gms.agent(c).notice("Transferring");
        gms.agent(c).supervisorJoins("Sam");
        gms.agent(c).idleAlert(30);
        // then the system took the next number, once, and the supervisor the one after
        assertEquals(java.util.List.of("1 ParticipantJoined Client 1", "2 ParticipantJoined Agent 2",
                "3 Message Agent 2", "4 Notice External 3", "5 ParticipantJoined Supervisor 4",
                "6 IdleAlert External 3"), parties(c));
    }

    @Test
    void aWorkflowGreetingMakesTheSystemParty2AndTheFirstAgent3() throws Exception {
        // given a routing workflow that greets every chat before an agent is found
        gms.greeting = "Please wait";
        try {
            GmsChat c = open();
            gms.agent(c).joins("Grace").says("Hi");
            gms.agent(c).botJoins("Helper").botSays("beep");
            // then
            assertEquals(java.util.List.of("1 ParticipantJoined Client 1", "2 Notice External 2",
                    "3 ParticipantJoined Agent 3", "4 Message Agent 3", "5 ParticipantJoined External 4",
                    "6 Message External 4"), parties(c));
            assertEquals("Please wait", c.lines().get(1).substring("2 Notice External ".length()));
        } finally {
            gms.greeting = null;
        }
    }

    @Test
    void faultsPlayOnceEach() throws Exception { // checklist 7
        GmsChat c = open();
        String refresh = "svc/" + c.chatId + "/refresh";
        gms.inject(GmsFault.statusOne(1));
        assertEquals(1, json(post(refresh, id(c))).get("statusCode").asInt());
        assertEquals(0, json(post(refresh, id(c))).get("statusCode").asInt());
        gms.inject(GmsFault.http("refresh", 502, 1));
        assertEquals(502, post(refresh, id(c)).statusCode());
        gms.inject(GmsFault.malformed("refresh", 1));
        assertTrue(post(refresh, id(c)).body().endsWith("["));
        gms.inject(GmsFault.drop("refresh", 1));
        boolean dropped = false;
        try {
            post(refresh, id(c));
        } catch (java.io.IOException e) {
            dropped = true;
        }
        assertTrue(dropped);
        gms.agent(c).joins("G").says("x");
        gms.inject(GmsFault.duplicate(1));
        assertEquals(4, json(post(refresh, id(c) + "&transcriptPosition=1")).get("messages").size());
    }

    @Test
    void filesLimitsUploadsAndDownloads() throws Exception { // checklist 9
        GmsChat c = open();
        JsonNode limits = json(post("svc/" + c.chatId + "/file/limits", id(c)));
        assertEquals("5", limits.get("messages").get(0).get("userData").get("upload-max-files").asText());
        GmsAgent agent = gms.agent(c).sendsFile("terms.txt", "the terms");
        assertEquals(agent.chat(), c);
        String fileId = c.lines().get(c.lines().size() - 1).split(" ")[3];
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + GmsEmulator.PREFIX
                + "svc/" + c.chatId + "/file/" + fileId + "/download?secureKey=" + c.secureKey)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("the terms", get.body());
        assertTrue(get.headers().firstValue("Content-Disposition").orElse("").contains("terms.txt"));
        assertEquals("the terms", post("svc/" + c.chatId + "/file/" + fileId + "/download", id(c)).body());
    }

    @Test
    void corsPreflightAndApiKey() throws Exception { // checklist 10
        sandbox.allowOrigin("http://site");
        HttpResponse<String> pre = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + GmsEmulator.PREFIX
                + "svc/")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://site")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, pre.statusCode());
        assertEquals("http://site", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("apikey"));
        gms.requiredApiKey = "K";
        try {
            assertEquals(401, post("svc/", "nickname=A").statusCode());
        } finally {
            gms.requiredApiKey = null;
        }
    }
}
