package org.wcs.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcs.platform.HttpRequest;
import org.wcs.platform.HttpResponse;
import org.wcs.platform.WebSockets;
import org.wcs.sandbox.Sandbox;
import org.wcs.value.Values;

/** The JVM edge's HTTP and WebSocket ports against a real Jetty on loopback. */
class JvmEdgeIoTest {
    private static Sandbox server;

    @BeforeAll
    static void start() throws Exception {
        JvmValues.install();
        server = Sandbox.start(0, Path.of("."));
        server.route(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                if (!path.startsWith("/echo")) {
                    return false;
                }
                if (path.equals("/echo/slow")) {
                    Thread.sleep(400);
                }
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(response, true, "{\"method\":\"" + request.getMethod() + "\",\"type\":\""
                        + request.getHeaders().get("Content-Type") + "\",\"apikey\":\""
                        + request.getHeaders().get("apikey") + "\",\"length\":" + body.length() + ",\"body\":"
                        + Values.stringify(Values.of(body)) + "}", callback);
                return true;
            }
        });
        server.webSocket("/echo-ws", (req, resp, cb) -> new Echo());
    }

    /** Jetty calls endpoint methods through method handles: the class must be public. */
    public static final class Echo extends Session.Listener.AbstractAutoDemanding {
        @Override
        public void onWebSocketText(String message) {
            getSession().sendText("echo:" + message, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private final JvmPlatform tab = new JvmPlatform();
    private final List<HttpResponse> responses = new ArrayList<>();

    @Test
    void postsAFormWithHeadersAndReadsJson() {
        // when
        tab.http.send(new HttpRequest("POST", server.url() + "/echo").header("apikey", "K1")
                .body("application/x-www-form-urlencoded", "a=1&b=%20x"), responses::add);
        assertEquals(0, responses.size(), "never inside send()");
        tab.loop.runUntil(() -> !responses.isEmpty(), 10_000);
        // then
        HttpResponse r = responses.get(0);
        assertEquals(200, r.status);
        assertTrue(r.contentType.startsWith("application/json"));
        var json = Values.parse(r.body);
        assertEquals("POST", json.get("method").str());
        assertEquals("application/x-www-form-urlencoded", json.get("type").str());
        assertEquals("K1", json.get("apikey").str());
        assertEquals("a=1&b=%20x", json.get("body").str());
    }

    @Test
    void sendsMultipartWithAFile() {
        HttpRequest r = new HttpRequest("POST", server.url() + "/echo")
                .part("alias", Values.of("7"))
                .part("file", Values.object().set("name", "a.txt").set("type", "text/plain").set("content", "hi"));
        tab.http.send(r, responses::add);
        tab.loop.runUntil(() -> !responses.isEmpty(), 10_000);
        var json = Values.parse(responses.get(0).body);
        assertTrue(json.get("type").str().startsWith("multipart/form-data; boundary="));
        assertTrue(json.get("body").str().contains("filename=\"a.txt\""));
    }

    @Test
    void aSlowServerTimesOutOnTheClock() {
        tab.http.send(new HttpRequest("POST", server.url() + "/echo/slow").timeout(100), responses::add);
        tab.loop.runUntil(() -> !responses.isEmpty(), 10_000);
        assertEquals(0, responses.get(0).status);
        assertTrue(responses.get(0).timedOut);
        tab.loop.runUntilIdle(10_000);
        assertEquals(1, responses.size(), "the late answer is dropped");
    }

    @Test
    void aRefusedConnectionIsStatusZero() {
        tab.http.send(new HttpRequest("GET", "http://127.0.0.1:1/nothing"), responses::add);
        tab.loop.runUntil(() -> !responses.isEmpty(), 10_000);
        assertEquals(0, responses.get(0).status);
        assertEquals(false, responses.get(0).timedOut);
    }

    @Test
    void webSocketEchoesAndCloses() {
        List<String> events = new ArrayList<>();
        WebSockets.Socket[] s = new WebSockets.Socket[1];
        s[0] = tab.webSockets.open("ws://127.0.0.1:" + server.port() + "/echo-ws", new WebSockets.Listener() {
            @Override
            public void onOpen() {
                events.add("open");
                s[0].send("hello");
            }

            @Override
            public void onMessage(String text) {
                events.add(text);
                s[0].close(1000, "bye");
            }

            @Override
            public void onClose(int code, String reason) {
                events.add("close " + code);
            }
        });
        tab.loop.runUntil(() -> events.size() == 3, 10_000);
        assertEquals(List.of("open", "echo:hello", "close 1000"), events);
    }

    @Test
    void aRefusedWebSocketCloses1006() {
        List<String> events = new ArrayList<>();
        tab.webSockets.open("ws://127.0.0.1:1/none", new WebSockets.Listener() {
            @Override
            public void onOpen() {
                events.add("open");
            }

            @Override
            public void onMessage(String text) {
                events.add(text);
            }

            @Override
            public void onClose(int code, String reason) {
                events.add("close " + code);
            }
        });
        tab.loop.runUntil(() -> !events.isEmpty(), 10_000);
        assertEquals(List.of("close 1006"), events);
    }
}
