package org.wcs.sandbox.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.Exchange;
import org.wcs.sandbox.RawHttp;
import org.wcs.sandbox.SandboxTest;

/** An image over the v3 size limit is refused with the back end's error while it is still arriving. */
class NexusUploadLimitTest extends SandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NexusEmulator nexus;

    @BeforeAll
    static void emulator() {
        nexus = sandbox.emulator(NexusEmulator.class).reset();
    }

    @Test
    void refusesAnOversizeImageWhileItIsStillArriving() throws Exception {
        // given a session
        String token = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.url()
                + NexusEmulator.BASE)).header("x-api-key", NexusEmulator.API_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("data%5Bnickname%5D=Ada&data%5Bendpoint%5D="
                        + NexusEmulator.ENDPOINT)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("data").path("clientToken").asText();
        String sid = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sessionId").asText();
        byte[] head = ("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        // when the customer streams an image that would be a gigabyte
        RawHttp.Streamed s;
        try (RawHttp http = new RawHttp(sandbox.port())) {
            s = http.head("POST", NexusEmulator.BASE + "/" + sid + "/images", "Host: 127.0.0.1:" + sandbox.port(),
                    "x-api-key: " + NexusEmulator.API_KEY, NexusRoutes.KEY + ": " + token,
                    "Content-Type: multipart/form-data; boundary=XX", "Transfer-Encoding: chunked")
                    .streamUntilAnswered(head, 1L << 30);
        }
        // then the limit's error came while it was still sending, with little more than the limit sent
        assertEquals(400, s.answer().status());
        JsonNode status = JSON.readTree(s.answer().body()).path("status");
        assertEquals(NexusRoutes.LIMIT_FILE_SIZE, status.path("code").asText());
        assertEquals(NexusRoutes.FILE_TOO_LARGE, status.path("message").asText());
        long ceiling = nexus.maxImageBytes + Exchange.MULTIPART_OVERHEAD + (64L << 20);
        assertTrue(s.sent() < ceiling, s.sent() + " bytes sent before the answer");
        assertEquals(0, nexus.session(sid).imageCount());
    }
}
