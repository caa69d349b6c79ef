package org.wcs.fake;

import org.wcs.browser.WebChatServiceMain;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Entry point of the browser test bundle: the real plugin on a {@link ScriptedTransport} that answers at once, with
 * {@code window.fakeBackend} to play the agent from a test page. Compiled by TeaVM in the test build only.
 */
public final class FakeMain {
    private static ScriptedTransport transport;

    private FakeMain() {
    }

    public static void main(String[] args) {
        WebChatServiceMain.start(ctx -> {
            transport = new ScriptedTransport(ctx);
            transport.autoReply = true;
            Value backend = backend();
            backend.set("faultIn", Values.function((s, a) -> {
                faultIn(ctx.platform, text(a));
                return Values.undefined();
            }));
            ctx.platform.page.window().set("fakeBackend", backend);
            return transport;
        });
    }

    /**
     * A deliberate fault of ours in a callback the browser makes into Java ({@code http}: an XHR's answer,
     * {@code timer}, {@code socket}: a WebSocket's close, {@code function}: a function of ours the page calls, whose
     * fault the returned function shows), for tests of the edge's guard.
     */
    private static void faultIn(org.wcs.platform.Platform platform, String where) {
        RuntimeException fault = new IllegalStateException("deliberate fault in " + where);
        if (where.equals("http")) {
            platform.http.send(new org.wcs.platform.HttpRequest("GET", "/favicon.ico"), r -> {
                throw fault;
            });
        } else if (where.equals("timer")) {
            platform.scheduler.schedule(0, () -> {
                throw fault;
            });
        } else if (where.equals("socket")) {
            platform.webSockets.open("ws://127.0.0.1:1/refused", new org.wcs.platform.WebSockets.Listener() {
                @Override
                public void onOpen() {
                }

                @Override
                public void onMessage(String text) {
                }

                @Override
                public void onClose(int code, String reason) {
                    throw fault;
                }
            });
        } else {
            platform.page.window().set("faultyFunction", Values.function((s, a) -> {
                throw fault;
            }));
        }
    }

    private static Value backend() {
        Value backend = Values.object();
        backend.set("agentJoins", Values.function((s, a) -> {
            transport.messages(transport.item("ParticipantJoined", "", "Agent", 3, text(a)));
            return Values.undefined();
        }));
        backend.set("agentTypes", Values.function((s, a) -> {
            transport.messages(transport.item("TypingStarted", "", "Agent", 3, text(a)));
            return Values.undefined();
        }));
        backend.set("agentSays", Values.function((s, a) -> {
            transport.messages(transport.item("Message", text(a), "Agent", 3, "Alice"));
            return Values.undefined();
        }));
        backend.set("serverEnds", Values.function((s, a) -> {
            transport.listener.ended();
            return Values.undefined();
        }));
        backend.set("calls", Values.function((s, a) -> {
            Value names = Values.array();
            for (ScriptedTransport.Call c : transport.calls) {
                names.push(Values.of(c.name));
            }
            return names;
        }));
        return backend;
    }

    private static String text(Value[] a) {
        return a.length > 0 ? a[0].str("") : "";
    }
}
