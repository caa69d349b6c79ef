package org.wcs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wcs.sandbox.purecloud.Wire;

/** A route that takes no uploads refuses a body over {@link Exchange#BODY_LIMIT} while it is still arriving. */
class BodyLimitTest extends SandboxTest {
    @Test
    void refusesAnOversizeBodyOnARouteWithoutUploads() throws Exception {
        // when a client streams a JSON body that would be a gigabyte to the Genesys Cloud emulator
        RawHttp.Streamed s;
        try (RawHttp http = new RawHttp(sandbox.port())) {
            s = http.head("POST", Wire.BASE, "Host: 127.0.0.1:" + sandbox.port(), "Content-Type: application/json",
                    "Transfer-Encoding: chunked")
                    .streamUntilAnswered("{\"body\":\"".getBytes(StandardCharsets.UTF_8), 1L << 30);
        }
        // then
        assertEquals(413, s.answer().status());
        assertEquals(Refusals.TOO_LARGE + "\n", s.answer().body());
        assertTrue(s.sent() < Exchange.BODY_LIMIT + (64L << 20), s.sent() + " bytes sent before the answer");
    }
}
