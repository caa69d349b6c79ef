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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.SandboxTest;

/** The CometD emulator on its own, over HTTP with raw Bayeux messages (spec gms-v2 §13, Emulator checklist 12). */
class CometdEmulatorTest extends SandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CHANNEL = "/service/chatV2/customer-support";
    private static CometdEmulator comet;
    private int ids;

    @BeforeAll
    static void emulator() {
        comet = sandbox.emulator(CometdEmulator.class);
    }

    @BeforeEach
    void shortHolds() {
        comet.holdMs = 400;
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(sandbox.url() + CometdEmulator.PATH + path))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(String path, String body) throws Exception {
        return JSON.readTree(postAsync(path, body).get(5, TimeUnit.SECONDS).body());
    }

    private String handshake() throws Exception {
        JsonNode r = post("/handshake", "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"id\":\"" + ++ids
                + "\",\"supportedConnectionTypes\":[\"long-polling\"]}]").get(0);
        assertTrue(r.get("successful").asBoolean());
        return r.get("clientId").asText();
    }

    private String connectBody(String clientId, boolean immediate) {
        return "[{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId + "\",\"connectionType\":\"long-polling\","
                + "\"id\":\"" + ++ids + "\"" + (immediate ? ",\"advice\":{\"timeout\":0}" : "") + "}]";
    }

    private JsonNode publish(String clientId, String data) throws Exception {
        return post("/", "[{\"channel\":\"" + CHANNEL + "\",\"clientId\":\"" + clientId + "\",\"id\":\"" + ++ids
                + "\",\"data\":" + data + "}]");
    }

    /** Connects (held) until the server pushes; returns the pushes' data. */
    private JsonNode pushes(String clientId) throws Exception {
        JsonNode batch = post("/connect", connectBody(clientId, false));
        assertTrue(batch.get(0).get("successful").asBoolean(), batch.toString());
        com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
        for (int i = 1; i < batch.size(); i++) {
            assertEquals(CHANNEL, batch.get(i).get("channel").asText());
            out.add(batch.get(i).get("data"));
        }
        return out;
    }

    @Test
    void handshakeGivesAClientIdAndAdviceAndTheFirstConnectIsAnsweredAtOnce() throws Exception {
        JsonNode r = post("/handshake", "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"id\":\"1\"}]").get(0);
        assertEquals("/meta/handshake", r.get("channel").asText());
        assertEquals("1", r.get("id").asText());
        assertEquals("retry", r.get("advice").get("reconnect").asText());
        assertEquals(400, r.get("advice").get("timeout").asInt());
        String clientId = r.get("clientId").asText();
        long t0 = System.nanoTime();
        JsonNode first = post("/connect", connectBody(clientId, true));
        assertTrue(first.get(0).get("successful").asBoolean());
        assertTrue(System.nanoTime() - t0 < 300_000_000L, "not held");
    }

    @Test
    void aConnectWithNothingToPushIsHeldForTheAdvisedTimeout() throws Exception {
        String clientId = handshake();
        long t0 = System.nanoTime();
        JsonNode held = post("/connect", connectBody(clientId, false));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 350, "held " + ms + " ms");
        assertEquals(1, held.size());
        assertTrue(held.get(0).get("successful").asBoolean());
    }

    @Test
    void anUnknownClientIsToldToHandshake() throws Exception {
        JsonNode r = post("/connect", connectBody("nobody", false)).get(0);
        assertFalse(r.get("successful").asBoolean());
        assertEquals(CometdEmulator.UNKNOWN_CLIENT, r.get("error").asText());
        assertEquals("handshake", r.get("advice").get("reconnect").asText());
    }

    @Test
    void aChatWithoutSubscribingResultsAndEventsArePushed() throws Exception {
        // given a client that never subscribes
        String clientId = handshake();
        // when it requests a chat (publish acked)
        JsonNode ack = publish(clientId, "{\"operation\":\"requestChat\",\"chatId\":\"\",\"alias\":\"\","
                + "\"secureKey\":\"\",\"userId\":\"\",\"nickname\":\"Ada\",\"text\":\"\","
                + "\"userData\":{\"key1\":\"v1\",\"n\":2}}");
        assertTrue(ack.get(0).get("successful").asBoolean());
        // then the result comes as a push in the REST envelope
        JsonNode result = pushes(clientId).get(0);
        assertEquals(0, result.get("statusCode").asInt());
        assertFalse(result.get("chatEnded").asBoolean());
        assertEquals("ParticipantJoined", result.get("messages").get(0).get("type").asText());
        GmsChat chat = comet.gms().chat(result.get("chatId").asText());
        assertEquals("v1", chat.userDataValue("key1"));
        assertEquals("2", chat.userDataValue("n"));
        assertEquals(result.get("secureKey").asText(), chat.secureKey);
        // and the agent's events reach a held connect at once
        CompletableFuture<HttpResponse<String>> held = postAsync("/connect", connectBody(clientId, false));
        Thread.sleep(100);
        comet.agent(chat).joins("Grace").says("Hello");
        JsonNode batch = JSON.readTree(held.get(5, TimeUnit.SECONDS).body());
        java.util.List<Integer> news = new java.util.ArrayList<>();
        for (int i = 1; i < batch.size(); i++) {
            batch.get(i).get("data").get("messages").forEach(m -> news.add(m.get("index").asInt()));
        }
        while (news.size() < 2) {
            pushes(clientId).forEach(d -> d.get("messages").forEach(m -> news.add(m.get("index").asInt())));
        }
        assertEquals(java.util.List.of(2, 3), news);
        // and the customer's operations are acked and pushed with what is new
        String id = ",\"chatId\":\"" + chat.chatId + "\",\"secureKey\":\"" + chat.secureKey + "\"";
        publish(clientId, "{\"operation\":\"sendMessage\"" + id + ",\"message\":\"Hi\",\"messageType\":\"text\","
                + "\"eventAttributes\":{\"general-properties\":{\"related-event-id\":\"2\"}}}");
        JsonNode sent = pushes(clientId).get(0);
        assertEquals("Message", sent.get("messages").get(0).get("type").asText());
        assertEquals("2", sent.get("messages").get(0).get("eventAttributes").get("general-properties")
                .get("related-event-id").asText());
        publish(clientId, "{\"operation\":\"startTyping\"" + id + ",\"transcriptPosition\":5,\"message\":\"Th\"}");
        assertEquals(0, pushes(clientId).get(0).get("statusCode").asInt());
        assertEquals("Th", chat.preview);
        publish(clientId, "{\"operation\":\"updateData\"" + id + ",\"userData\":{\"plan\":\"gold\"}}");
        pushes(clientId);
        assertEquals("gold", chat.userDataValue("plan"));
        publish(clientId, "{\"operation\":\"customNotice\"" + id + ",\"message\":\"note\"}");
        assertEquals("CustomNotice", pushes(clientId).get(0).get("messages").get(0).get("type").asText());
        // and the desk shows it as a CometD chat, not a REST one
        assertTrue(comet.desk().chats().stream().anyMatch(c -> c.id().equals(chat.chatId) && c.backend().equals("cometd")));
        assertTrue(comet.gms().desk().chats().stream().noneMatch(c -> c.id().equals(chat.chatId)));
        // and a disconnect ends it
        publish(clientId, "{\"operation\":\"disconnect\"" + id + "}");
        JsonNode end = pushes(clientId).get(0);
        assertTrue(end.get("chatEnded").asBoolean());
        assertTrue(chat.ended());
    }

    @Test
    void requestNotificationsAttachesANewClientFromAPosition() throws Exception {
        GmsChat chat = startChat(handshake());
        comet.agent(chat).joins("Grace").says("one").says("two");
        String other = handshake();
        publish(other, "{\"operation\":\"requestNotifications\",\"chatId\":\"" + chat.chatId + "\",\"secureKey\":\""
                + chat.secureKey + "\",\"transcriptPosition\":3,\"message\":\"\"}");
        JsonNode data = pushes(other).get(0);
        assertEquals(3, data.get("messages").get(0).get("index").asInt());
        assertEquals(2, data.get("messages").size());
        assertEquals(chat.chatId, data.get("chatId").asText());
    }

    @Test
    void aWrongSecureKeyIsAnErrorPush() throws Exception {
        GmsChat chat = startChat(handshake());
        String other = handshake();
        publish(other, "{\"operation\":\"requestNotifications\",\"chatId\":\"" + chat.chatId
                + "\",\"secureKey\":\"bad\",\"transcriptPosition\":1}");
        JsonNode data = pushes(other).get(0);
        assertEquals(2, data.get("statusCode").asInt());
        assertEquals(404, data.get("errors").get(0).get("code").asInt());
    }

    @Test
    void aSubscribeIsAcknowledgedAsANoOp() throws Exception {
        String clientId = handshake();
        JsonNode r = post("/", "[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId
                + "\",\"subscription\":\"" + CHANNEL + "\",\"id\":\"9\"}]").get(0);
        assertTrue(r.get("successful").asBoolean());
        assertEquals(CHANNEL, r.get("subscription").asText());
    }

    @Test
    void aBodyThatIsNotBayeuxIsRefused() throws Exception {
        assertEquals(400, postAsync("/connect", "{not json").get(5, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void faultsRefuseFailDropAndGarbleConnectsAndTheServerCanDropSessions() throws Exception {
        String clientId = handshake();
        comet.inject(CometFault.refuseConnects(1));
        assertEquals(503, postAsync("/connect", connectBody(clientId, true)).get(5, TimeUnit.SECONDS).statusCode());
        comet.inject(CometFault.failConnects(1));
        assertFalse(post("/connect", connectBody(clientId, true)).get(0).get("successful").asBoolean());
        comet.inject(CometFault.malformedConnects(1));
        String garbled = postAsync("/connect", connectBody(clientId, true)).get(5, TimeUnit.SECONDS).body();
        assertTrue(garbled.startsWith("[{") && !garbled.endsWith("]"), garbled);
        comet.inject(CometFault.dropConnects(1));
        try {
            postAsync("/connect", connectBody(clientId, true)).get(5, TimeUnit.SECONDS);
            throw new AssertionError("the connection should have been dropped");
        } catch (java.util.concurrent.ExecutionException expected) {
            // the connection was closed without an answer
        }
        // when the server drops the session while a connect is held
        CompletableFuture<HttpResponse<String>> held = postAsync("/connect", connectBody(clientId, false));
        Thread.sleep(100);
        comet.dropSessions();
        JsonNode r = JSON.readTree(held.get(5, TimeUnit.SECONDS).body()).get(0);
        assertEquals("/meta/disconnect", r.get("channel").asText());
        assertEquals(CometdEmulator.UNKNOWN_CLIENT, post("/connect", connectBody(clientId, true)).get(0)
                .get("error").asText());
    }

    @Test
    void delayedPushesKeepTheirOrderAndStatusOneHidesTheEvents() throws Exception {
        String clientId = handshake();
        GmsChat chat = startChat(clientId);
        comet.inject(CometFault.delayPushes(300, 1));
        comet.agent(chat).joins("Grace");
        comet.agent(chat).says("after");
        long t0 = System.nanoTime();
        StringBuilder seen = new StringBuilder();
        while (seen.length() < 4) {
            for (JsonNode d : pushes(clientId)) {
                for (JsonNode m : d.get("messages")) {
                    seen.append(m.get("index").asInt()).append(',');
                }
            }
        }
        assertEquals("2,3,", seen.toString());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 250);
        comet.inject(CometFault.statusOne(1));
        comet.agent(chat).says("hidden for now");
        JsonNode unavailable = pushes(clientId).get(0);
        assertEquals(1, unavailable.get("statusCode").asInt());
        assertEquals(0, unavailable.get("messages").size());
    }

    @Test
    void filesGoThroughTheChatNtfEndpointByOperation() throws Exception {
        GmsChat chat = startChat(handshake());
        String boundary = "b0undary";
        String limits = multipart(boundary, "operation", "fileGetLimits", "secureKey", chat.secureKey);
        JsonNode l = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + CometdEmulator.FILES))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(limits)).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        assertEquals("5", l.get("messages").get(0).get("userData").get("upload-max-files").asText());
        String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n" + multipart(boundary, "operation", "fileUpload",
                        "secureKey", chat.secureKey);
        JsonNode u = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + CometdEmulator.FILES))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(upload)).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        String fileId = u.get("userData").get("file-id").asText();
        assertEquals("FileUploaded", chat.lines().get(chat.size() - 1).split(" ")[1]);
        HttpResponse<String> d = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + CometdEmulator.FILES))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("secureKey=" + chat.secureKey + "&fileId=" + fileId
                        + "&operation=fileDownload")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("hello", d.body());
        assertTrue(d.headers().firstValue("Content-Disposition").orElse("").contains("a.txt"));
        for (String op : new String[] {"fileGetLimits", "fileUpload", "fileDownload"}) {
            assertEquals(CometdEmulator.FILES, comet.received(op).get(0).channel(), op);
        }
    }

    private static String multipart(String boundary, String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(kv[i])
                    .append("\"\r\n\r\n").append(kv[i + 1]).append("\r\n");
        }
        return b.append("--").append(boundary).append("--\r\n").toString();
    }

    private GmsChat startChat(String clientId) throws Exception {
        publish(clientId, "{\"operation\":\"requestChat\",\"nickname\":\"Ada\"}");
        JsonNode result = pushes(clientId).get(0);
        return comet.gms().chat(result.get("chatId").asText());
    }

    @Test
    void theDeskIsNamedCometd() {
        assertEquals("cometd", comet.desk().backend());
        assertTrue(sandbox.desks().stream().map(AgentDesk::backend).toList().contains("cometd"));
    }
}
