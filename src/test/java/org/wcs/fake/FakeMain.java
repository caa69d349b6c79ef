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
            ctx.platform.page.window().set("fakeBackend", backend());
            return transport;
        });
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
