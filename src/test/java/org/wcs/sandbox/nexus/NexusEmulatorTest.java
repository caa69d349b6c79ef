package org.wcs.sandbox.nexus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.SandboxTest;

/** The emulator against spec pureengage-v3.md section 16, one test per checklist item, over plain HTTP. */
class NexusEmulatorTest extends SandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static NexusEmulator nexus;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void emulator() {
        nexus = sandbox.emulator(NexusEmulator.class);
    }

    @BeforeEach
    void reset() {
        nexus.reset();
    }

    // ---- a small client ---------------------------------------------------------------------------------------------

    record Answer(int status, String type, JsonNode json, byte[] bytes) {
        String code() {
            return json.path("status").path("code").asText();
        }

        JsonNode data() {
            return json.path("data");
        }
    }

    private Answer call(String method, String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.url() + NexusEmulator.BASE + path))
                .header("x-api-key", NexusEmulator.API_KEY);
        if (key != null) {
            b.header("x-nexus-client-key", key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode json = type.startsWith("application/json") ? JSON.readTree(r.body()) : null;
        return new Answer(r.statusCode(), type, json, r.body());
    }

    private Answer post(String path, String key, String form) throws Exception {
        return call("POST", path, key, FORM, form);
    }

    private Answer get(String path, String key) throws Exception {
        return call("GET", path, key, null, null);
    }

    /** Creates a session for "Ada"; returns {sessionId, participantId, token}. */
    private String[] create() throws Exception {
        Answer a = post("", null, "data%5Bnickname%5D=Ada&data%5BfirstName%5D=Ada&data%5Bendpoint%5D="
                + NexusEmulator.ENDPOINT + "&operationId=op-1");
        assertEquals(200, a.status(), a.json().toString());
        String token = a.data().path("clientToken").asText();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return new String[] {claims.path("sessionId").asText(), claims.path("participantId").asText(), token};
    }

    private List<String> types(Answer read) {
        List<String> out = new ArrayList<>();
        read.data().path("messages").forEach(m -> out.add(m.path("type").asText() + ":"
                + m.path("text").asText(m.path("url").asText(""))));
        return out;
    }

    private List<String> indexes(Answer read) {
        List<String> out = new ArrayList<>();
        read.data().path("messages").forEach(m -> out.add(m.path("index").asText()));
        return out;
    }

    // ---- protocol surface -----------------------------------------------------------------------------------------

    @Test
    void servesEveryEndpointUnderTheBase() throws Exception {
        // given
        String[] s = create();
        String sid = s[0];
        // then each route answers
        assertEquals(200, post("/" + sid + "/messages", s[2], "data%5Btype%5D=Text&data%5Btext%5D=hi&operationId=o")
                .status());
        assertEquals(200, get("/" + sid + "/messages?operationId=o", s[2]).status());
        assertEquals(200, call("PUT", "/" + sid + "/userdata", s[2], FORM, "data%5Bk%5D=v&operationId=o").status());
        Answer upload = call("POST", "/" + sid + "/images", s[2], "multipart/form-data; boundary=XX",
                "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\nPNGDATA\r\n--XX\r\nContent-Disposition: form-data; "
                + "name=\"operationId\"\r\n\r\nop-up\r\n--XX--\r\n");
        assertEquals(200, upload.status(), upload.json().toString());
        String url = upload.data().path("url").asText();
        assertTrue(url.startsWith("/sessions/" + sid + "/images/"), url);
        Answer image = get(url.substring("/sessions".length()), s[2]);
        assertEquals("image/png", image.type());
        assertEquals("PNGDATA", new String(image.bytes(), StandardCharsets.UTF_8));
        assertEquals(200, call("DELETE", "/" + sid + "/participants/" + s[1], s[2], FORM, "operationId=o").status());
        assertEquals(404, get("/nothing/here/at/all?x", s[2]).status());
    }

    @Test
    void answersCorsPreflightForAnAllowedOrigin() throws Exception {
        sandbox.allowOrigin("http://shop.example.test");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sandbox.url() + NexusEmulator.BASE
                + "/abc/messages")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://shop.example.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key,x-nexus-client-key,content-type,x-custom").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode());
        assertEquals("http://shop.example.test", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("DELETE"));
        assertEquals("x-api-key,x-nexus-client-key,content-type,x-custom",
                r.headers().firstValue("Access-Control-Allow-Headers").orElse(""));
    }

    @Test
    void parsesBracketFormsJsonAndMultipart() throws Exception {
        // bracket notation, + for space, k[] arrays, k[0][f] objects
        post("", null, "data%5Bnickname%5D=Ada+L&data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT
                + "&data%5BuserData%5D%5BLang%5D=en&data%5Btags%5D%5B%5D=a&data%5Btags%5D%5B%5D=b"
                + "&data%5Bitems%5D%5B0%5D%5Bf%5D=x&data%5Bempty%5D=&operationId=1");
        Map<String, Object> created = nexus.latest().created;
        assertEquals("Ada L", created.get("nickname"));
        assertEquals(Map.of("Lang", "en"), created.get("userData"));
        assertEquals(List.of("a", "b"), created.get("tags"));
        assertEquals(List.of(Map.of("f", "x")), created.get("items"));
        assertEquals("", created.get("empty"));
        // JSON bodies too
        call("POST", "", null, "application/json", "{\"operationId\":\"j\",\"data\":{\"nickname\":\"Bo\","
                + "\"endpoint\":\"" + NexusEmulator.ENDPOINT + "\"}}");
        assertEquals("Bo", nexus.latest().customerNickname);
        // multipart fields (operationId) are read as well
        String[] s = create();
        call("POST", "/" + s[0] + "/images", s[2], "multipart/form-data; boundary=B",
                "--B\r\nContent-Disposition: form-data; name=\"operationId\"\r\n\r\nop-multi\r\n--B--\r\n");
        assertEquals("op-multi", nexus.received().get(nexus.received().size() - 1).operationId());
    }

    @Test
    void acceptsOpaqueRepeatedOperationIdsAndLogsThem() throws Exception {
        String[] s = create();
        get("/" + s[0] + "/messages?operationId=same", s[2]);
        get("/" + s[0] + "/messages?operationId=same", s[2]);
        post("/" + s[0] + "/messages", s[2], "data%5Btype%5D=Text&data%5Btext%5D=x&operationId=same");
        List<String> ids = nexus.received().stream().map(NexusEmulator.Received::operationId).toList();
        assertEquals(List.of("op-1", "same", "same", "same"), ids);
    }

    @Test
    void alwaysAnswersJsonEnvelopes() throws Exception {
        String[] s = create();
        Answer ok = get("/" + s[0] + "/messages?operationId=o", s[2]);
        assertTrue(ok.type().startsWith("application/json"));
        assertEquals(0, ok.json().path("status").path("code").asInt());
        assertTrue(ok.data().isObject());
        Answer bad = get("/" + s[0] + "/messages?operationId=o", "nope");
        assertTrue(bad.type().startsWith("application/json"));
        assertEquals("AUTHENTICATION_REQUIRED", bad.code());
        assertFalse(bad.json().path("status").path("message").asText().isEmpty());
    }

    // ---- auth and tokens ------------------------------------------------------------------------------------------

    @Test
    void rejectsAnUnknownApiKey() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sandbox.url() + NexusEmulator.BASE))
                .header("x-api-key", "wrong").POST(HttpRequest.BodyPublishers.ofString("operationId=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertEquals("INVALID_CONTACT_CENTER", JSON.readTree(r.body()).path("status").path("code").asText());
    }

    @Test
    void createNeedsAKnownEndpointAndANickname() throws Exception {
        Answer noEndpoint = post("", null, "data%5Bnickname%5D=Ada&data%5Bendpoint%5D=elsewhere&operationId=o");
        assertEquals(400, noEndpoint.status());
        assertEquals("INVALID_ENDPOINT", noEndpoint.code());
        Answer noName = post("", null, "data%5Bnickname%5D=&data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT
                + "&operationId=o");
        assertEquals(400, noName.status());
        assertEquals("INVALID_NICKNAME", noName.code());
        assertEquals("First Name is required.", noName.json().path("status").path("message").asText());
    }

    @Test
    void issuesHs256TokensWhosePayloadHasNoDashOrUnderscore() throws Exception {
        for (int i = 0; i < 40; i++) {
            String[] s = create();
            String[] parts = s[2].split("\\.");
            assertEquals(3, parts.length);
            assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                    new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            assertTrue(parts[1].matches("[A-Za-z0-9]+"), parts[1]);
            // the browser's plain base64 decoder reads it
            JsonNode claims = JSON.readTree(Base64.getDecoder().decode(pad(parts[1])));
            for (String claim : new String[] {"sessionId", "transportId", "participantId"}) {
                assertTrue(claims.path(claim).asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}"
                        + "-[0-9a-f]{12}"), claims.toString());
            }
        }
    }

    private static String pad(String b64) {
        return b64 + "===".substring(0, (4 - b64.length() % 4) % 4);
    }

    @Test
    void perSessionCallsNeedThatSessionsKey() throws Exception {
        String[] s = create();
        String[] other = create();
        assertEquals("AUTHENTICATION_REQUIRED", get("/" + s[0] + "/messages?operationId=o", null).code());
        assertEquals(401, get("/" + s[0] + "/messages?operationId=o", s[2] + "x").status());
        assertEquals(401, get("/" + s[0] + "/messages?operationId=o", other[2]).status(), "a key for another session");
        nexus.sessions.remove(s[0]);
        Answer gone = get("/" + s[0] + "/messages?operationId=o", s[2]);
        assertEquals(404, gone.status());
        assertEquals("INVALID_SESSION", gone.code());
    }

    @Test
    void createWithTheKeyOfAnOpenSessionResumesIt() throws Exception {
        String[] s = create();
        int messages = nexus.session(s[0]).messages().size();
        Answer resumed = post("", s[2], "data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT + "&operationId=r");
        assertEquals(200, resumed.status());
        String token = resumed.data().path("clientToken").asText();
        assertNotEquals(s[2], token, "a fresh token");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals(s[0], claims.path("sessionId").asText());
        assertEquals(s[1], claims.path("participantId").asText());
        assertEquals(messages, nexus.session(s[0]).messages().size(), "no new session, no new message");
        assertEquals(1, nexus.sessions.size());
        assertEquals(200, get("/" + s[0] + "/messages?operationId=o", token).status(), "the new token works");
    }

    @Test
    void aStaleKeyWithANicknameCreatesAndWithoutOneIsRefused() throws Exception {
        String[] s = create();
        call("DELETE", "/" + s[0] + "/participants/" + s[1], s[2], FORM, "operationId=o");
        Answer refused = post("", s[2], "data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT + "&operationId=r");
        assertEquals(404, refused.status());
        assertEquals("INVALID_SESSION", refused.code());
        Answer created = post("", s[2], "data%5Bnickname%5D=Ada&data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT
                + "&operationId=c");
        assertEquals(200, created.status());
        assertEquals(2, nexus.sessions.size());
        nexus.createOnStaleKey(false);
        assertEquals(404, post("", s[2], "data%5Bnickname%5D=Ada&data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT
                + "&operationId=c").status());
    }

    // ---- messages -------------------------------------------------------------------------------------------------

    @Test
    void messagesHaveStrictlyIncreasingStringIndexesAndTheFullShape() throws Exception {
        nexus.deterministic(() -> 1_714_650_000_000L, 7);
        String[] s = create();
        nexus.session(s[0]).agent("Grace").joins().says("one").says("two");
        Answer read = get("/" + s[0] + "/messages?operationId=o", s[2]);
        assertEquals(List.of("1714650000000-0", "1714650000001-0", "1714650000002-0", "1714650000003-0"),
                indexes(read), "same millisecond: bumped, single-digit sequence");
        JsonNode m = read.data().path("messages").get(2);
        assertTrue(m.path("index").isTextual());
        assertEquals(1_714_650_000_002L, m.path("utcTime").asLong());
        assertEquals("one", m.path("text").asText());
        assertEquals("Grace", m.path("from").path("nickname").asText());
        assertEquals("Agent", m.path("from").path("type").asText());
        assertFalse(m.path("from").path("participantId").asText().isEmpty());
        // plain decimal indexes on request
        nexus.decimalIndexes(true);
        String[] d = create();
        assertEquals(List.of("1"), indexes(get("/" + d[0] + "/messages?operationId=o", d[2])));
    }

    @Test
    void createAppendsTheCustomersJoin() throws Exception {
        String[] s = create();
        JsonNode first = get("/" + s[0] + "/messages?operationId=o", s[2]).data().path("messages").get(0);
        assertEquals("ParticipantJoined", first.path("type").asText());
        assertEquals("Customer", first.path("from").path("type").asText());
        assertEquals("Ada", first.path("from").path("nickname").asText());
        assertEquals(s[1], first.path("from").path("participantId").asText());
    }

    @Test
    void customerTextIsEchoedAndTypingOnlyRecorded() throws Exception {
        String[] s = create();
        get("/" + s[0] + "/messages?operationId=o", s[2]);
        Answer typing = post("/" + s[0] + "/messages", s[2], "data%5Btype%5D=TypingStarted&data%5Btext%5D=Hel"
                + "&operationId=o");
        assertEquals("{\"status\":{\"code\":0},\"data\":{}}", typing.json().toString());
        assertTrue(nexus.session(s[0]).customerTyping());
        assertEquals("Hel", nexus.session(s[0]).typingPreview());
        post("/" + s[0] + "/messages", s[2], "data%5Btype%5D=Text&data%5Btext%5D=Hello+there&operationId=o");
        assertEquals(List.of("Text:Hello there"), types(get("/" + s[0] + "/messages?operationId=o", s[2])));
        nexus.session(s[0]).done();
        Answer late = post("/" + s[0] + "/messages", s[2], "data%5Btype%5D=Text&data%5Btext%5D=x&operationId=o");
        assertTrue(late.json().path("chatEnded").asBoolean(), "top-level chatEnded once closed");
    }

    @Test
    void readsFollowTheFourQueryForms() throws Exception {
        nexus.decimalIndexes(true);
        String[] s = create(); // 1: joined
        NexusSession.Agent grace = nexus.session(s[0]).agent("Grace");
        for (int i = 2; i <= 8; i++) {
            grace.says("m" + i);
        }
        String path = "/" + s[0] + "/messages?";
        // 4c: the newest N, ascending
        assertEquals(List.of("6", "7", "8"), indexes(get(path + "count=3&operationId=o", s[2])));
        // 4a: nothing new after 4c moved the cursor
        assertEquals(List.of(), indexes(get(path + "operationId=o", s[2])));
        grace.says("m9");
        assertEquals(List.of("9"), indexes(get(path + "operationId=o", s[2])));
        // 4b: everything after an index
        assertEquals(List.of("8", "9"), indexes(get(path + "operationId=o&index=7", s[2])));
        // 4d: history pages, anchor inclusive, ascending, [anchor] at the end, never empty
        assertEquals(List.of("4", "5", "6"), indexes(get(path + "index=6&count=3&operationId=o", s[2])));
        assertEquals(List.of("2", "3", "4"), indexes(get(path + "index=4&count=3&operationId=o", s[2])));
        assertEquals(List.of("1", "2"), indexes(get(path + "index=2&count=3&operationId=o", s[2])));
        assertEquals(List.of("1"), indexes(get(path + "index=1&count=3&operationId=o", s[2])));
        assertFalse(get(path + "operationId=o", s[2]).data().path("chatEnded").asBoolean());
        nexus.session(s[0]).done();
        assertTrue(get(path + "operationId=o", s[2]).data().path("chatEnded").asBoolean());
    }

    @Test
    void aReadAfterAnIndexIgnoresTheCursorAndOrdersIndexesAsTheSpecDoes() throws Exception {
        String[] s = create(); // <millis>-0 indexes
        NexusSession.Agent grace = nexus.session(s[0]).agent("Grace");
        grace.says("a").says("b");
        String path = "/" + s[0] + "/messages?operationId=o&index=";
        String first = (String) nexus.session(s[0]).messages().get(0).get("index");
        // two tabs of one participant: the first one's read does not take the messages from the second
        assertEquals(List.of("Text", "Text"), types(get(path + first, s[2])).stream().map(t -> t.split(":")[0])
                .toList());
        assertEquals(2, indexes(get(path + first, s[2])).size());
        // an index that names no message: what sorts after it (first "-" removed, then numeric)
        long millis = Long.parseLong(first.substring(0, first.indexOf('-')));
        assertEquals(3, indexes(get(path + "0", s[2])).size());
        assertEquals(2, indexes(get(path + millis + "-5", s[2])).size(), "between the first and the second");
        assertEquals(List.of(), indexes(get(path + (millis + 1_000_000) + "-0", s[2])));
    }

    @Test
    void agentsSupervisorsAndBotsProduceEveryMessageKind() throws Exception {
        String[] s = create();
        NexusSession session = nexus.session(s[0]);
        get("/" + s[0] + "/messages?operationId=o", s[2]);
        session.agent("Grace").joins().typing(true).typing(false).notice("Transferred").pushUrl("https://x.test/a")
                .image("image/png", new byte[] {1, 2, 3}).leaves();
        session.agent("Sue", "Supervisor").joins().leaves();
        session.agent("Bot", "Bot").joins().says("beep").leaves();
        Answer read = get("/" + s[0] + "/messages?operationId=o", s[2]);
        assertEquals(List.of("ParticipantJoined:", "TypingStarted:", "TypingStopped:", "Notice:Transferred",
                "PushUrl:https://x.test/a", "Text:", "ParticipantLeft:", "ParticipantJoined:", "ParticipantLeft:",
                "ParticipantJoined:", "Text:beep", "ParticipantLeft:"), types(read));
        JsonNode content = read.data().path("messages").get(5).path("content").get(0);
        assertEquals("image", content.path("type").asText());
        assertEquals("image/png", content.path("mime").asText());
        assertTrue(content.path("url").asText().matches("/sessions/" + s[0] + "/images/img1"));
        assertEquals("Supervisor", read.data().path("messages").get(7).path("from").path("type").asText());
        assertEquals("Bot", read.data().path("messages").get(9).path("from").path("type").asText());
    }

    // ---- other endpoints ------------------------------------------------------------------------------------------

    @Test
    void userDataIsMerged() throws Exception {
        Answer a = post("", null, "data%5Bnickname%5D=Ada&data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT
                + "&data%5BuserData%5D%5BLang%5D=en&operationId=o");
        String token = a.data().path("clientToken").asText();
        String sid = nexus.latest().id;
        assertEquals(200, call("PUT", "/" + sid + "/userdata", token, FORM,
                "data%5BAccountNumber%5D=778812&data%5BTier%5D=gold&operationId=o").status());
        assertEquals(Map.of("Lang", "en", "AccountNumber", "778812", "Tier", "gold"), nexus.latest().userData);
    }

    private Answer upload(String[] s, String type, String content) throws Exception {
        return call("POST", "/" + s[0] + "/images", s[2], "multipart/form-data; boundary=XX",
                "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\nContent-Type: " + type
                + "\r\n\r\n" + content + "\r\n--XX\r\nContent-Disposition: form-data; name=\"operationId\"\r\n\r\n"
                + "o\r\n--XX--\r\n");
    }

    @Test
    void uploadsAreLimitedByTypeSizeAndCount() throws Exception {
        nexus.imageLimits("image/", 10, 2);
        String[] s = create();
        assertEquals("INVALID_FILE_TYPE", upload(s, "text/plain", "x").code());
        assertEquals("LIMIT_FILE_SIZE", upload(s, "image/png", "01234567890").code());
        assertEquals(200, upload(s, "image/png", "ok").status());
        assertEquals(200, upload(s, "image/gif", "ok").status());
        Answer third = upload(s, "image/png", "no");
        assertEquals(400, third.status());
        assertEquals("LIMIT_FILE_COUNT", third.code());
        // an accepted upload becomes a customer message with content
        Answer read = get("/" + s[0] + "/messages?operationId=o", s[2]);
        JsonNode last = read.data().path("messages").get(2);
        assertEquals("Customer", last.path("from").path("type").asText());
        assertEquals("image/gif", last.path("content").get(0).path("mime").asText());
    }

    @Test
    void imageContentNeedsTheSessionsKey() throws Exception {
        String[] s = create();
        nexus.session(s[0]).agent("Grace").image("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, 0});
        Answer denied = get("/" + s[0] + "/images/img1", null);
        assertEquals(401, denied.status());
        Answer image = get("/" + s[0] + "/images/img1", s[2]);
        assertEquals("image/jpeg", image.type());
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xd8, 0}, image.bytes());
    }

    @Test
    void leavingClosesTheSession() throws Exception {
        String[] s = create();
        get("/" + s[0] + "/messages?operationId=o", s[2]);
        assertEquals(403, call("DELETE", "/" + s[0] + "/participants/someone-else", s[2], FORM, "operationId=o")
                .status());
        Answer left = call("DELETE", "/" + s[0] + "/participants/" + s[1], s[2], FORM, "operationId=o");
        assertEquals(200, left.status());
        Answer read = get("/" + s[0] + "/messages?operationId=o", s[2]);
        assertEquals(List.of("ParticipantLeft:"), types(read));
        assertEquals("Customer", read.data().path("messages").get(0).path("from").path("type").asText());
        assertTrue(read.data().path("chatEnded").asBoolean());
        assertEquals(404, post("", s[2], "data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT + "&operationId=r").status(),
                "resume refused");
    }

    // ---- lifecycle and test control -------------------------------------------------------------------------------

    @Test
    void anAgentLeavingKeepsTheSessionOpenUntilDone() throws Exception {
        String[] s = create();
        nexus.session(s[0]).agent("Grace").joins().leaves();
        assertFalse(get("/" + s[0] + "/messages?operationId=o", s[2]).data().path("chatEnded").asBoolean());
        assertEquals(200, post("", s[2], "data%5Bendpoint%5D=" + NexusEmulator.ENDPOINT + "&operationId=r").status());
        nexus.session(s[0]).done();
        assertTrue(get("/" + s[0] + "/messages?operationId=o", s[2]).data().path("chatEnded").asBoolean());
    }

    @Test
    void faultsHitTheNextRequestsOfARoute() throws Exception {
        String[] s = create();
        String read = "/" + s[0] + "/messages?operationId=o";
        nexus.fault("read", 2, Fault.http(503, "UNAVAILABLE", "busy"));
        assertEquals(503, get(read, s[2]).status());
        assertEquals("UNAVAILABLE", get(read, s[2]).code());
        assertEquals(200, get(read, s[2]).status(), "only the next two");
        nexus.fault("read", 1, Fault.http(429, "TOO_MANY_REQUESTS", "slow down"));
        assertEquals(429, get(read, s[2]).status());
        // the JDK client retries a GET once on a dropped connection: drop both attempts
        nexus.fault("read", 2, Fault.dropConnection());
        assertThrows(IOException.class, () -> get(read, s[2]));
        nexus.fault("read", 1, Fault.malformedJson());
        assertThrows(IOException.class, () -> get(read, s[2]), "a body that is not JSON");
        nexus.fault("any", 1, Fault.delay(300));
        long t0 = System.nanoTime();
        assertEquals(200, get(read, s[2]).status());
        assertTrue(System.nanoTime() - t0 >= 300_000_000L, "slow answer");
        nexus.fault("send", 1, Fault.http(404, "INVALID_SESSION", "gone"));
        assertEquals(200, get(read, s[2]).status(), "faults are per route");
        assertEquals(404, post("/" + s[0] + "/messages", s[2], "data%5Btype%5D=Text&operationId=o").status());
        nexus.fault("send", 1, Fault.answerLost());
        assertThrows(IOException.class, () -> post("/" + s[0] + "/messages", s[2],
                "data%5Btype%5D=Text&data%5Btext%5D=kept&operationId=o"));
        assertEquals("kept", nexus.session(s[0]).texts().get(0), "carried out, though the answer was lost");
        assertThrows(IllegalArgumentException.class, () -> nexus.fault("nope", 1, Fault.dropConnection()));
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        String[] s = create();
        nexus.expireTokens();
        Answer a = get("/" + s[0] + "/messages?operationId=o", s[2]);
        assertEquals(401, a.status());
        assertEquals("AUTHENTICATION_REQUIRED", a.code());
    }

    @Test
    void aLongPollHoldsAPlainReadUntilThereIsNews() throws Exception {
        String[] s = create();
        get("/" + s[0] + "/messages?operationId=o", s[2]);
        nexus.longPoll(5_000);
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            nexus.session(s[0]).agent("Grace").says("late news");
        }).start();
        long t0 = System.nanoTime();
        Answer a = get("/" + s[0] + "/messages?operationId=o", s[2]);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of("Text:late news"), types(a));
        assertTrue(ms >= 250 && ms < 4_000, "held about 300 ms: " + ms);
        // history and restore reads are never held
        t0 = System.nanoTime();
        get("/" + s[0] + "/messages?count=5&operationId=o", s[2]);
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
    }

    @Test
    void everythingReceivedCanBeInspected() throws Exception {
        String[] s = create();
        post("/" + s[0] + "/messages", s[2], "data%5Btype%5D=TypingStarted&data%5Btext%5D=pre&operationId=t1");
        List<NexusEmulator.Received> sends = nexus.received("POST", "/messages");
        assertEquals(1, sends.size());
        NexusEmulator.Received r = sends.get(0);
        assertEquals("t1", r.operationId());
        assertEquals(Map.of("type", "TypingStarted", "text", "pre"), r.data());
        assertEquals(NexusEmulator.API_KEY, r.header("X-Api-Key"));
        assertEquals(s[2], r.header("x-nexus-client-key"));
        assertTrue(r.contentType().startsWith("application/x-www-form-urlencoded"));
        assertNotNull(nexus.session(s[0]));
        assertEquals("pre", nexus.session(s[0]).typingPreview());
        assertEquals(1, nexus.sessions.size());
    }

    @Test
    void deterministicModeRepeatsIdsAndTimes() throws Exception {
        nexus.deterministic(() -> 1_000L, 42);
        String[] first = create();
        List<Map<String, Object>> firstMessages = nexus.latest().messages();
        nexus.reset().deterministic(() -> 1_000L, 42);
        String[] second = create();
        assertEquals(first[0], second[0]);
        assertEquals(first[1], second[1]);
        assertEquals(first[2], second[2]);
        assertEquals(firstMessages, nexus.latest().messages());
    }
}
