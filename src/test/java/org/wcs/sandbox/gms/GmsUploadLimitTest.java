package org.wcs.sandbox.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.Exchange;
import org.wcs.sandbox.RawHttp;
import org.wcs.sandbox.SandboxTest;

/**
 * A file over GMS's size limit is refused with GMS's error while it is still arriving, over REST and CometD: the
 * sandbox never holds more of a body than its route accepts.
 */
class GmsUploadLimitTest extends SandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BOUNDARY = "b0undary";
    private static final String MULTIPART = "Content-Type: multipart/form-data; boundary=" + BOUNDARY;
    /** What a client would send if nobody stopped it. */
    private static final long HUGE = 1L << 30;
    /** What the client may have sent before it hears the answer: the body's room plus what the sockets buffer. */
    private static final long SENT_CEILING = GmsCalls.MAX_FILE_SIZE + Exchange.MULTIPART_OVERHEAD + (64L << 20);
    private static GmsEmulator gms;

    @BeforeAll
    static void emulator() {
        gms = sandbox.emulator(GmsEmulator.class);
    }

    private static GmsChat open() throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + GmsEmulator.PREFIX + "svc"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nickname=Ada")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return gms.chat(JSON.readTree(body).get("chatId").asText());
    }

    private static String uploadTarget(GmsChat chat) {
        return GmsEmulator.PREFIX + "svc/" + chat.chatId + "/file?secureKey=" + chat.secureKey + "&userId="
                + chat.userId + "&alias=" + chat.alias;
    }

    private static byte[] fileHead(String name) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String host() {
        return "Host: 127.0.0.1:" + sandbox.port();
    }

    @Test
    void refusesAnOversizeUploadWhileItIsStillArriving() throws Exception {
        // given
        GmsChat chat = open();
        int lines = chat.lines().size();
        // when a client streams a file that would be a gigabyte
        RawHttp.Streamed s;
        try (RawHttp http = new RawHttp(sandbox.port())) {
            s = http.head("POST", uploadTarget(chat), host(), MULTIPART, "Transfer-Encoding: chunked")
                    .streamUntilAnswered(fileHead("big.txt"), HUGE);
        }
        // then GMS's error came while the client was still sending, with little more than the limit sent
        assertEquals(400, s.answer().status());
        assertEquals(GmsCalls.TOO_LARGE, s.answer().body());
        assertTrue(s.sent() < SENT_CEILING, s.sent() + " bytes sent before the answer");
        assertEquals(lines, chat.lines().size(), "nothing was stored");
    }

    @Test
    void refusesAnUploadThatAnnouncesTooManyBytesBeforeReadingAny() throws Exception {
        GmsChat chat = open();
        try (RawHttp http = new RawHttp(sandbox.port())) {
            // when only the head is sent
            RawHttp.Answer a = http.head("POST", uploadTarget(chat), host(), MULTIPART,
                    "Content-Length: " + HUGE).answer();
            // then
            assertEquals(400, a.status());
            assertEquals(GmsCalls.TOO_LARGE, a.body());
        }
    }

    @Test
    void acceptsAFileOfExactlyTheLimitAndRefusesOneByteMore() throws Exception {
        GmsChat chat = open();
        assertEquals(200, upload(chat, GmsCalls.MAX_FILE_SIZE).statusCode());
        HttpResponse<String> over = upload(chat, GmsCalls.MAX_FILE_SIZE + 1);
        assertEquals(400, over.statusCode());
        assertEquals(GmsCalls.TOO_LARGE, over.body());
    }

    private static HttpResponse<String> upload(GmsChat chat, int size) throws Exception {
        byte[] head = fileHead("exact.txt");
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOf(head, head.length + size + tail.length);
        Arrays.fill(body, head.length, head.length + size, (byte) 'a');
        System.arraycopy(tail, 0, body, head.length + size, tail.length);
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + uploadTarget(chat)))
                .header("Content-Type", MULTIPART.substring("Content-Type: ".length()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesAnOversizeCometdUploadWhileItIsStillArriving() throws Exception {
        // given
        GmsChat chat = open();
        byte[] fields = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"operation\"\r\n\r\nfileUpload"
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"secureKey\"\r\n\r\n"
                + chat.secureKey + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = fileHead("big.txt");
        byte[] prefix = Arrays.copyOf(fields, fields.length + head.length);
        System.arraycopy(head, 0, prefix, fields.length, head.length);
        // when
        RawHttp.Streamed s;
        try (RawHttp http = new RawHttp(sandbox.port())) {
            s = http.head("POST", CometdEmulator.FILES, host(), MULTIPART, "Transfer-Encoding: chunked")
                    .streamUntilAnswered(prefix, HUGE);
        }
        // then
        assertEquals(400, s.answer().status());
        assertEquals(GmsCalls.TOO_LARGE, s.answer().body());
        assertTrue(s.sent() < SENT_CEILING, s.sent() + " bytes sent before the answer");
    }
}
