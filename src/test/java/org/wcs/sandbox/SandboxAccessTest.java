package org.wcs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wcs.sandbox.gms.GmsEmulator;
import org.wcs.sandbox.purecloud.Wire;

/** Who the sandbox answers: the Host check (DNS rebinding) and which origins get CORS, route by route. */
class SandboxAccessTest extends SandboxTest {
    private static final String GMS = GmsEmulator.PREFIX + "svc/";
    private static final String API = SandboxApi.PREFIX + "chats";

    private static RawHttp.Answer get(String path, String host, String... more) throws Exception {
        String[] headers = new String[more.length + 2];
        headers[0] = "Host: " + host;
        headers[1] = "Connection: close";
        System.arraycopy(more, 0, headers, 2, more.length);
        try (RawHttp http = new RawHttp(sandbox.port())) {
            return http.head("GET", path, headers).answer();
        }
    }

    private static RawHttp.Answer preflight(String path, String origin) throws Exception {
        try (RawHttp http = new RawHttp(sandbox.port())) {
            return http.head("OPTIONS", path, "Host: 127.0.0.1:" + sandbox.port(), "Connection: close",
                    "Origin: " + origin, "Access-Control-Request-Method: POST").answer();
        }
    }

    private static String own(String host) {
        return "http://" + host + ":" + sandbox.port();
    }

    @Test
    void refusesARequestForAHostItDoesNotAnswerFor() throws Exception {
        // when a page whose name was re-pointed at 127.0.0.1 calls the sandbox
        RawHttp.Answer a = get("/index.html", "rebound.attacker.test:" + sandbox.port());
        // then
        assertEquals(421, a.status());
        assertEquals(Refusals.UNKNOWN_HOST + "\n", a.body());
    }

    @Test
    void answersLoopbackNamesOnAnyPort() throws Exception {
        for (String host : new String[] {"127.0.0.1:" + sandbox.port(), "localhost:1234", "LOCALHOST", "[::1]:80"}) {
            assertEquals(200, get("/index.html", host).status(), host);
        }
    }

    @Test
    void answersAHostOnceItIsAllowed() throws Exception {
        // given
        String host = "www.example.gouv.fr";
        assertEquals(421, get("/index.html", host + ":" + sandbox.port()).status());
        // when
        sandbox.allowHost(host);
        // then
        assertEquals(200, get("/index.html", host + ":" + sandbox.port()).status());
        assertEquals(200, get("/index.html", "WWW.Example.Gouv.FR").status());
        assertEquals(421, get("/index.html", "example.gouv.fr").status());
    }

    @Test
    void refusesAWebSocketUpgradeForAHostItDoesNotAnswerFor() throws Exception {
        String[] upgrade = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};
        try (RawHttp http = new RawHttp(sandbox.port())) {
            assertEquals(421, http.head("GET", Wire.CHANNELS + "nothing", prepend("Host: rebound.test", upgrade))
                    .answer().status());
        }
        // (an allowed host reaches the emulator, which refuses an unknown stream in its own way)
        try (RawHttp http = new RawHttp(sandbox.port())) {
            assertEquals(503, http.head("GET", Wire.CHANNELS + "nothing", prepend("Host: localhost", upgrade))
                    .answer().status());
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    @Test
    void givesNoCorsToAnUnlistedOrigin() throws Exception {
        // when a page of another site asks
        RawHttp.Answer a = preflight(GMS, "http://unlisted.test");
        // then the browser is not told it may read the answer
        assertNull(a.headers().get("access-control-allow-origin"));
        assertNull(a.headers().get("access-control-allow-credentials"));
        assertNull(get(GMS, "localhost", "Origin: http://unlisted.test").headers().get("access-control-allow-origin"));
    }

    @Test
    void givesCorsToItsOwnOriginsOnItsPortOnly() throws Exception {
        for (String origin : new String[] {own("127.0.0.1"), own("localhost")}) {
            assertEquals(origin, preflight(GMS, origin).headers().get("access-control-allow-origin"), origin);
            assertEquals("true", preflight(GMS, origin).headers().get("access-control-allow-credentials"), origin);
        }
        assertNull(preflight(GMS, "http://localhost:1").headers().get("access-control-allow-origin"));
        assertNull(preflight(GMS, "https://localhost:" + sandbox.port()).headers().get("access-control-allow-origin"));
    }

    @Test
    void anAllowedHostIsAnOwnOrigin() throws Exception {
        // given
        String origin = own("shop.example.myshopify.com");
        assertNull(preflight(API, origin).headers().get("access-control-allow-origin"));
        // when
        sandbox.allowHost("shop.example.myshopify.com");
        // then it may read the back ends and the control API alike
        assertEquals(origin, preflight(GMS, origin).headers().get("access-control-allow-origin"));
        assertEquals(origin, preflight(API, origin).headers().get("access-control-allow-origin"));
    }

    @Test
    void aHostMappedFromAnotherPortIsAnOwnOriginOnThatPort() throws Exception {
        // given a browser that maps www.example.co.uk:80 to the sandbox (--host-resolver-rules)
        sandbox.allowHost("www.example.co.uk");
        // when its page asks, with the Host it believes in
        RawHttp.Answer a = get(GMS, "www.example.co.uk", "Origin: http://www.example.co.uk");
        // then
        assertEquals("http://www.example.co.uk", a.headers().get("access-control-allow-origin"));
    }

    @Test
    void aConfiguredOriginReachesTheBackEndsButNeverTheControlApi() throws Exception {
        // given
        String partner = "http://partner.test:8000";
        sandbox.allowOrigin(partner);
        // then the emulated back ends let it read
        assertEquals(partner, preflight(GMS, partner).headers().get("access-control-allow-origin"));
        // and the control API neither lets it read nor lets it act
        RawHttp.Answer api = get(API, "localhost", "Origin: " + partner);
        assertEquals(403, api.status());
        assertEquals(Refusals.FOREIGN_ORIGIN + "\n", api.body());
        assertNull(api.headers().get("access-control-allow-origin"));
        try (RawHttp http = new RawHttp(sandbox.port())) {
            assertEquals(403, http.head("POST", SandboxApi.PREFIX + "chats/gms/x/say", "Host: localhost",
                    "Connection: close", "Origin: http://unlisted.test", "Content-Type: text/plain",
                    "Content-Length: 0").answer().status());
        }
        // while its own pages and clients without an Origin still use it
        assertEquals(200, get(API, "localhost", "Origin: " + own("localhost")).status());
        assertEquals(200, get(API, "localhost").status());
    }

    @Test
    void refusesWhatIsNotAHostNameOrAnOrigin() {
        assertThrows(IllegalArgumentException.class, () -> sandbox.allowHost("www.example.com:8080"));
        assertThrows(IllegalArgumentException.class, () -> sandbox.allowHost("http://www.example.com"));
        assertThrows(IllegalArgumentException.class, () -> sandbox.allowHost(""));
        assertThrows(IllegalArgumentException.class, () -> sandbox.allowOrigin("http://shop.test/path"));
        assertThrows(IllegalArgumentException.class, () -> sandbox.allowOrigin("shop.test"));
    }
}
