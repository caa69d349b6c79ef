package org.wcs.sandbox.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.SandboxTest;

/** The emulator over real HTTP and WebSocket on loopback, item by item of the Emulator checklist (spec 12). */
class PureCloudEmulatorTest extends SandboxTest {
    private static GuestChatServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CREATE = "{\"organizationId\":\"O1\",\"deploymentId\":\"D1\",\"routingTarget\":"
            + "{\"targetType\":\"queue\",\"targetAddress\":\"Support\"},\"memberInfo\":{\"displayName\":\"Ada\","
            + "\"role\":\"CUSTOMER\",\"customFields\":{\"n\":1,\"deep\":{\"x\":true}}}}";

    @BeforeAll
    static void emulator() {
        server = sandbox.emulator(PureCloudEmulator.class).server;
    }

    @BeforeEach
    void fresh() {
        server.reset();
    }

    // ---- helpers ----

    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
    }

    private static Reply call(String method, String path, String jwt, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.url() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (jwt != null) {
            b.header("Authorization", jwt.contains(" ") ? jwt : "Bearer " + jwt);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), Wire.parse(r.body()), r);
    }

    /** A created chat: its id, jwt, stream and guest. */
    record Chat(String id, String jwt, String stream, String guest) {
        String base() {
            return Wire.BASE + "/" + id;
        }
    }

    private static Chat create() throws Exception {
        Reply r = call("POST", Wire.BASE, null, CREATE);
        assertEquals(200, r.status());
        return new Chat(r.json().path("id").asText(), r.json().path("jwt").asText(),
                r.json().path("eventStreamUri").asText(), r.json().path("member").path("id").asText());
    }

    /** A client socket that queues the frames it receives. */
    static final class Stream implements WebSocket.Listener {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        volatile int closeCode = -1;
        WebSocket ws;

        static Stream open(String uri) {
            Stream s = new Stream();
            s.ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(uri), s).join();
            return s;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closeCode = code;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode = 1006;
        }

        /** The next frame that is not a heartbeat. */
        JsonNode next() throws InterruptedException {
            while (true) {
                String f = frames.poll(5, TimeUnit.SECONDS);
                assertNotNull(f, "a frame within 5 s");
                JsonNode n = Wire.parse(f);
                if (!Wire.HEARTBEAT.equals(n.path("eventBody").path("message").asText())) {
                    return n;
                }
            }
        }

        /**
         * Waits for the close. A connection the server dropped is usually seen at once, but not always (twice in
         * this class's runs on a loaded machine, the client heard nothing in 5 s): a ping after 2 s makes the client
         * write, and a write on a dropped connection fails. A live connection answers the ping and stays open.
         */
        void waitClosed() throws InterruptedException {
            for (int i = 0; i < 200 && closeCode < 0; i++) {
                if (i == 40) {
                    ws.sendPing(java.nio.ByteBuffer.allocate(0));
                }
                Thread.sleep(50);
            }
        }
    }

    // ---- 12.1 create ----

    @Test
    void createValidatesAndAnswersWithTheGuestAndAnUnguessableStream() throws Exception {
        Reply r = call("POST", Wire.BASE, null, CREATE);
        assertEquals(200, r.status(), "lower-case targetType, an extra role and non-string custom fields pass");
        JsonNode member = r.json().path("member");
        assertEquals("CUSTOMER", member.path("role").asText());
        assertEquals("Ada", member.path("displayName").asText());
        assertEquals("CONNECTED", member.path("state").asText());
        String uri = r.json().path("eventStreamUri").asText();
        assertTrue(uri.matches("ws://127\\.0\\.0\\.1:" + sandbox.port() + "/channels/streaming-[0-9a-f]{32}"), uri);
        for (String bad : new String[] {"", "[]", "{\"deploymentId\":\"D1\"}",
            CREATE.replace("\"Support\"", "\"\""), CREATE.replace("\"Ada\"", "\"\""),
            CREATE.replace("\"queue\"", "\"SKILL\"")}) {
            Reply refused = call("POST", Wire.BASE, null, bad);
            assertEquals(400, refused.status(), bad);
            assertEquals("bad.request", refused.json().path("code").asText());
        }
    }

    // ---- 12.2, 12.3 stream ----

    @Test
    void theStreamStartsRoutingOnFirstAttachAndFansOutInTheEnvelope() throws Exception {
        Chat chat = create();
        assertEquals(0, server.latest().transcript().size(), "not routed before the stream attaches");
        Stream one = Stream.open(chat.stream());
        JsonNode join = one.next();
        assertEquals("v2.conversations.chats." + chat.id() + ".messages", join.path("topicName").asText());
        assertEquals("2", join.path("version").asText());
        assertEquals("message", join.path("metadata").path("type").asText());
        assertFalse(join.path("metadata").path("CorrelationId").asText().isEmpty());
        assertEquals("member-join", join.path("eventBody").path("bodyType").asText());
        assertEquals(chat.guest(), join.path("eventBody").path("sender").path("id").asText());
        // a second socket at once, and a third after closing one: every open one gets each event
        Stream two = Stream.open(chat.stream());
        one.ws.sendClose(1000, "").join();
        Stream three = Stream.open(chat.stream());
        Thread.sleep(100);
        server.latest().agent("Alice").says("to all");
        assertEquals("to all", two.next().path("eventBody").path("body").asText());
        assertEquals("to all", three.next().path("eventBody").path("body").asText());
        assertEquals(2, server.latest().sockets());
        assertEquals(3, server.latest().attachments());
    }

    @Test
    void heartbeatsComeOnTimeAndPingGetsPong() throws Exception {
        server.heartbeatMs = 150;
        Chat chat = create();
        Stream s = Stream.open(chat.stream());
        s.next();
        long t0 = System.nanoTime();
        String beat = s.frames.poll(2, TimeUnit.SECONDS);
        assertEquals("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"WebSocket Heartbeat\"}}", beat);
        assertNull(Wire.parse(beat).get("metadata"));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 1000);
        server.heartbeatMs = 10_000;
        s.ws.sendText("{\"message\":\"ping\"}", true).join();
        String pong;
        do {
            pong = s.frames.poll(2, TimeUnit.SECONDS);
        } while (pong != null && pong.contains(Wire.HEARTBEAT));
        assertEquals("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"pong\"}}", pong);
        assertEquals(List.of("{\"message\":\"ping\"}"), server.clientFrames());
    }

    // ---- 12.4 auth ----

    @Test
    void everyOtherEndpointWantsTheConversationsBearerJwt() throws Exception {
        Chat chat = create();
        Chat other = create();
        assertEquals(401, call("GET", chat.base() + "/members", null, null).status());
        assertEquals(401, call("GET", chat.base() + "/members", "not-a-jwt", null).status());
        assertEquals(200, call("GET", chat.base() + "/members", "bearer " + chat.jwt(), null).status(),
                "the scheme in any case");
        assertEquals(403, call("GET", chat.base() + "/members", other.jwt(), null).status());
        assertEquals(404, call("GET", Wire.BASE + "/nope/members", chat.jwt(), null).status());
        Participant alice = server.conversations().get(0).agent("Alice").joins();
        assertEquals(403, call("POST", chat.base() + "/members/" + alice.id() + "/messages", chat.jwt(),
                "{\"body\":\"as Alice\"}").status(), "a guest writes only as itself");
        Reply unauthorized = call("GET", chat.base() + "/members", null, null);
        assertEquals(401, unauthorized.json().path("status").asInt());
    }

    // ---- 12.5 send, 12.9 typing ----

    @Test
    void messagesAreValidatedStoredStampedAndEchoed() throws Exception {
        Chat chat = create();
        Stream s = Stream.open(chat.stream());
        s.next();
        String send = chat.base() + "/members/" + chat.guest() + "/messages";
        assertEquals(400, call("POST", send, chat.jwt(), "{\"body\":\"\"}").status());
        assertEquals(400, call("POST", send, chat.jwt(), "{\"body\":\"" + "x".repeat(4001) + "\"}").status());
        assertEquals(200, call("POST", send, chat.jwt(), "{\"body\":\"" + "x".repeat(4000) + "\"}").status());
        s.next();
        Reply first = call("POST", send, chat.jwt(), "{\"body\":\"one\"}");
        Reply second = call("POST", send, chat.jwt(), "{\"body\":\"two\",\"bodyType\":\"notice\"}");
        assertEquals("standard", first.json().path("bodyType").asText());
        assertEquals("notice", second.json().path("bodyType").asText());
        String t1 = first.json().path("timestamp").asText();
        String t2 = second.json().path("timestamp").asText();
        assertTrue(t1.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), t1);
        assertTrue(Instant.parse(t2).isAfter(Instant.parse(t1)), "strictly increasing");
        JsonNode echo = s.next().path("eventBody");
        assertEquals(first.json().path("id").asText(), echo.path("id").asText());
        assertEquals(second.json().path("id").asText(), s.next().path("eventBody").path("id").asText());
        // typing answers JSON and tells every socket
        Reply typing = call("POST", chat.base() + "/members/" + chat.guest() + "/typing", chat.jwt(), null);
        assertEquals(200, typing.status());
        assertEquals(chat.guest(), typing.json().path("sender").path("id").asText());
        JsonNode indicator = s.next();
        assertEquals("typing-indicator", indicator.path("metadata").path("type").asText());
    }

    // ---- 12.6, 12.7 members ----

    @Test
    void memberChangesComeFirstAndTheStateIsAlreadyThere() throws Exception {
        Chat chat = create();
        Stream s = Stream.open(chat.stream());
        s.next();
        Participant alice = server.latest().agent("Alice");
        alice.member.avatarImageUrl = "https://example.test/a.png";
        alice.joins();
        JsonNode change = s.next();
        assertEquals("v2.conversations.chats." + chat.id() + ".members", change.path("topicName").asText());
        assertEquals("member-change", change.path("metadata").path("type").asText());
        assertEquals("CONNECTED", change.path("eventBody").path("member").path("state").asText());
        assertEquals("member-join", s.next().path("eventBody").path("bodyType").asText());
        JsonNode member = call("GET", chat.base() + "/members/" + alice.id(), chat.jwt(), null).json();
        assertEquals("AGENT", member.path("role").asText());
        assertEquals("https://example.test/a.png", member.path("avatarImageUrl").asText());
        assertFalse(member.path("joinDate").asText().isEmpty());
        alice.leaves();
        assertEquals("DISCONNECTED", s.next().path("eventBody").path("member").path("state").asText());
        assertEquals("member-leave", s.next().path("eventBody").path("bodyType").asText());
        server.latest().agent("Bob").joins();
        // the list has the disconnected too, pages, and takes empty values as absent
        JsonNode all = call("GET", chat.base() + "/members?pageSize=&pageNumber=&excludeDisconnectedMembers=",
                chat.jwt(), null).json();
        assertEquals(3, all.path("entities").size());
        assertEquals(25, all.path("pageSize").asInt());
        assertFalse(all.path("entities").get(1).path("leaveDate").asText().isEmpty());
        JsonNode connected = call("GET", chat.base() + "/members?excludeDisconnectedMembers=true", chat.jwt(), null)
                .json();
        assertEquals(2, connected.path("entities").size());
        JsonNode page2 = call("GET", chat.base() + "/members?pageSize=2&pageNumber=2", chat.jwt(), null).json();
        assertEquals(1, page2.path("entities").size());
        assertEquals(2, page2.path("pageCount").asInt());
        assertEquals(3, page2.path("total").asInt());
        assertTrue(page2.has("previousUri"));
    }

    // ---- 12.8 messages ----

    @Test
    void messagePagesHaveExclusiveCursorsAndPathNexts() throws Exception {
        Chat chat = create();
        Stream.open(chat.stream()).next();
        Participant alice = server.latest().agent("Alice").joins();
        for (int i = 1; i <= 4; i++) {
            alice.says("m" + i);
        }
        List<String> ids = new ArrayList<>();
        server.latest().transcript().forEach(m -> ids.add(m.path("id").asText()));
        assertEquals(6, ids.size(), "the joins are in the history");
        String messages = chat.base() + "/messages";
        JsonNode all = call("GET", messages + "?after=&before=&sortOrder=&maxResults=", chat.jwt(), null).json();
        assertEquals(ids, texts(all, "id"), "ascending from the start by default");
        assertEquals(100, all.path("pageSize").asInt());
        assertEquals(messages, all.path("selfUri").asText());
        assertFalse(all.has("next"));
        JsonNode newest = call("GET", messages + "?sortOrder=descending&maxResults=2", chat.jwt(), null).json();
        assertEquals(List.of(ids.get(5), ids.get(4)), texts(newest, "id"));
        String next = newest.path("next").asText();
        assertEquals(messages + "?before=" + ids.get(4) + "&sortOrder=descending&maxResults=2", next);
        JsonNode older = call("GET", next, chat.jwt(), null).json();
        assertEquals(List.of(ids.get(3), ids.get(2)), texts(older, "id"));
        JsonNode after = call("GET", messages + "?after=" + ids.get(2) + "&maxResults=2", chat.jwt(), null).json();
        assertEquals(List.of(ids.get(3), ids.get(4)), texts(after, "id"));
        assertTrue(after.path("next").asText().startsWith("/api/v2/"));
        assertEquals(404, call("GET", messages + "?after=unknown", chat.jwt(), null).status());
        assertEquals(6, call("GET", messages + "?maxResults=500", chat.jwt(), null).json().path("entities").size());
        server.clampMaxResults = false;
        assertEquals(400, call("GET", messages + "?maxResults=500", chat.jwt(), null).status());
        assertEquals(ids.get(2), call("GET", messages + "/" + ids.get(2), chat.jwt(), null).json().path("id")
                .asText());
    }

    private static List<String> texts(JsonNode page, String field) {
        List<String> out = new ArrayList<>();
        page.path("entities").forEach(e -> out.add(e.path(field).asText()));
        return out;
    }

    // ---- 12.10 leave ----

    @Test
    void theGuestLeavesThenTheAgentThenTheSocketsCloseAfterTheGrace() throws Exception {
        server.closeGraceMs = 300;
        Chat chat = create();
        Stream s = Stream.open(chat.stream());
        s.next();
        Participant alice = server.latest().agent("Alice").joins();
        s.next();
        s.next();
        Reply leave = call("DELETE", chat.base() + "/members/" + chat.guest(), chat.jwt(), null);
        assertEquals(204, leave.status());
        assertEquals("", leave.raw().body());
        JsonNode guestChange = s.next();
        assertEquals(chat.guest(), guestChange.path("eventBody").path("member").path("id").asText());
        assertEquals("member-leave", s.next().path("eventBody").path("bodyType").asText());
        JsonNode agentChange = s.next();
        assertEquals(alice.id(), agentChange.path("eventBody").path("member").path("id").asText());
        assertEquals("DISCONNECTED", agentChange.path("eventBody").path("member").path("state").asText());
        s.waitClosed();
        assertEquals(1000, s.closeCode);
        assertEquals(400, call("POST", chat.base() + "/members/" + chat.guest() + "/messages", chat.jwt(),
                "{\"body\":\"late\"}").status(), "writes after the end are refused");
    }

    @Test
    void theAgentEndsTheChatAgentFirst() throws Exception {
        Chat chat = create();
        Stream s = Stream.open(chat.stream());
        s.next();
        Participant alice = server.latest().agent("Alice").joins();
        s.next();
        s.next();
        server.latest().endByAgent();
        assertEquals(alice.id(), s.next().path("eventBody").path("member").path("id").asText());
        assertEquals(alice.id(), s.next().path("eventBody").path("sender").path("id").asText());
        assertEquals(chat.guest(), s.next().path("eventBody").path("member").path("id").asText());
        assertEquals(chat.guest(), s.next().path("eventBody").path("sender").path("id").asText());
    }

    // ---- 12.11 errors, 12.12 faults, 12.13 CORS ----

    @Test
    void errorBodiesAreJsonWithACorrelationHeader() throws Exception {
        Reply r = call("GET", Wire.BASE + "/nope/members", null, null);
        assertEquals(401, r.status());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.raw().headers().firstValue("inin-correlation-id").isPresent());
        for (String f : new String[] {"status", "code", "message", "contextId", "details", "errors"}) {
            assertTrue(r.json().has(f), f);
        }
        assertTrue(r.json().path("status").isNumber());
    }

    @Test
    void restFaultsAreOneShotAndRecorded() throws Exception {
        Chat chat = create();
        String members = chat.base() + "/members";
        server.rateLimitNext("GET", "/members", 7, 1);
        Reply limited = call("GET", members, chat.jwt(), null);
        assertEquals(429, limited.status());
        assertEquals("too.many.requests", limited.json().path("code").asText());
        assertEquals("7", limited.raw().headers().firstValue("Retry-After").orElse(null));
        assertTrue(limited.raw().headers().firstValue("Access-Control-Expose-Headers").orElse("")
                .contains("Retry-After"));
        assertEquals(200, call("GET", members, chat.jwt(), null).status());
        server.failNext(null, null, 503, 1);
        assertEquals(503, call("GET", members, chat.jwt(), null).status());
        server.malformedNext("GET", "/members");
        Reply malformed = call("GET", members, chat.jwt(), null);
        assertEquals(200, malformed.status());
        assertNull(malformed.json());
        server.slowNext("GET", "/members", 400);
        long t0 = System.nanoTime();
        assertEquals(200, call("GET", members, chat.jwt(), null).status());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) >= 390);
        server.dropNext("POST", "/typing");
        try {
            // (a POST: the JDK client would silently retry a GET on a dropped connection)
            call("POST", members + "/" + chat.guest() + "/typing", chat.jwt(), null);
            throw new AssertionError("expected a dropped connection");
        } catch (java.io.IOException expected) {
            // no answer at all
        }
        List<GuestChatServer.Request> got = server.received();
        assertEquals(7, got.size());
        assertEquals("POST", got.get(0).method());
        assertEquals("Bearer " + chat.jwt(), got.get(1).authorization());
    }

    @Test
    void socketFaults() throws Exception {
        Chat chat = create();
        Stream s = Stream.open(chat.stream());
        s.next();
        server.socketClosing();
        assertEquals("v2.system.socket_closing", s.next().path("topicName").asText());
        server.dropSockets();
        s.waitClosed();
        assertEquals(1006, s.closeCode, "an abnormal close");
        server.refuseUpgrades(1);
        try {
            Stream.open(chat.stream());
            throw new AssertionError("expected a refused upgrade");
        } catch (CompletionException e) {
            assertTrue(e.getCause() instanceof WebSocketHandshakeException);
            assertEquals(503, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        }
        Stream again = Stream.open(chat.stream());
        server.heartbeatMs = 100;
        Stream quiet = Stream.open(chat.stream());
        server.heartbeats(false);
        Thread.sleep(400);
        quiet.frames.clear();
        Thread.sleep(300);
        assertEquals(List.of(), new ArrayList<>(quiet.frames), "no heartbeats");
        server.heartbeats(true);
        server.stallSockets();
        server.latest().agent("Alice").says("lost");
        Thread.sleep(300);
        assertTrue(again.frames.stream().noneMatch(f -> f.contains("lost")), "a stalled socket hears nothing");
        assertEquals(-1, again.closeCode, "and is not closed");
    }

    // ---- 12.14 optional: media requests, authenticated guests ----

    @Test
    void aMediaRequestIsOfferedReadAndAnsweredOnceByTheGuest() throws Exception {
        Chat chat = create();
        Stream s = Stream.open(chat.stream());
        s.next();
        String list = chat.base() + "/mediarequests";
        assertEquals(0, call("GET", list, chat.jwt(), null).json().path("entities").size());
        server.latest().agent("Alice").mediaRequest("Alice would like to co-browse");
        assertEquals("media-request", s.next().path("eventBody").path("bodyType").asText());
        JsonNode offer = call("GET", list, chat.jwt(), null).json().path("entities").get(0);
        assertEquals("PENDING", offer.path("state").asText());
        assertEquals("COBROWSE", offer.path("types").get(0).asText());
        assertEquals(list + "/" + offer.path("id").asText(), offer.path("selfUri").asText());
        String one = list + "/" + offer.path("id").asText();
        assertEquals(offer, call("GET", one, chat.jwt(), null).json());
        assertEquals(401, call("GET", one, null, null).status());
        assertEquals(404, call("GET", list + "/nope", chat.jwt(), null).status());
        // the guest answers with one of its three states, once
        assertEquals(400, call("PATCH", one, chat.jwt(), "{\"state\":\"CANCELLED\"}").status());
        assertEquals(400, call("PATCH", one, chat.jwt(), "not json").status());
        Reply accepted = call("PATCH", one, chat.jwt(), "{\"state\":\"ACCEPTED\"}");
        assertEquals(200, accepted.status());
        assertEquals("ACCEPTED", accepted.json().path("state").asText());
        assertEquals("ACCEPTED", call("GET", one, chat.jwt(), null).json().path("state").asText());
        assertEquals(400, call("PATCH", one, chat.jwt(), "{\"state\":\"DECLINED\"}").status());
    }

    @Test
    void aGuestWithAMemberAuthTokenIsAnAuthenticatedGuest() throws Exception {
        String withToken = CREATE.replace("{\"organizationId\"", "{\"memberAuthToken\":\"aGVhZA.Ym9keQ.c2ln\","
                + "\"organizationId\"");
        Reply r = call("POST", Wire.BASE, null, withToken);
        assertEquals(200, r.status());
        assertTrue(r.json().path("member").path("authenticatedGuest").asBoolean());
        assertFalse(call("POST", Wire.BASE, null, CREATE).json().path("member").has("authenticatedGuest"));
        assertEquals(400, call("POST", Wire.BASE, null, withToken.replace("aGVhZA.Ym9keQ.c2ln", "")).status());
        assertEquals(400, call("POST", Wire.BASE, null, withToken.replace("\"aGVhZA.Ym9keQ.c2ln\"", "7")).status());
    }

    @Test
    void corsPreflightsAreAnswered() throws Exception {
        sandbox.allowOrigin("http://shop.test");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + Wire.BASE + "/x/members"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://shop.test")
                .header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "authorization,content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode());
        assertEquals("http://shop.test", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("authorization"));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("content-type"));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PATCH"));
    }
}
