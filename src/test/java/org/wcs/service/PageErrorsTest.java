package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.bus.Bus;
import org.wcs.bus.BusApi;
import org.wcs.fake.ScriptedTransport;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmValues;
import org.wcs.tabs.SharedTabs;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Page code's exceptions stay the page's (issue 12): a throwing subscriber, done/fail/then callback, preprocessor or
 * bus never changes our command's outcome or the chat's state, never stops the other callbacks, and is handed back
 * to the page as an uncaught error ({@link JvmValues#UNCAUGHT} stands in for {@code window.onerror}), as it was
 * thrown.
 */
class PageErrorsTest extends ServiceFixture {
    @BeforeEach
    void clear() {
        JvmValues.UNCAUGHT.clear();
    }

    /** A page function that throws {@code thrown}, as a JS function does (the JVM edge's JsError carries it). */
    private static Value throwing(Value thrown, List<String> log, String name) {
        return Values.function((self, args) -> {
            log.add(name);
            throw new JsError("Error: page bug", thrown);
        });
    }

    @Test
    void aThrowingDoneCallbackIsThePagesAndTheOthersStillRun() {
        List<String> log = new ArrayList<>();
        Value bug = Js.obj("bug", 1);
        Value promise = Js.call(page, "command", "WebChatService.startChat", Js.obj("nickname", "Ada"));
        Js.call(promise, "done", throwing(bug, log, "first"));
        Js.call(promise, "done", Js.fn(v -> log.add("second")));
        Js.call(promise, "fail", Js.fn(v -> log.add("fail")));
        tab.loop.runDue();
        transport.startSucceeds(transport.last("start"));
        tab.loop.runDue();
        assertEquals(List.of("first", "second"), log);
        assertEquals("resolved", Js.call(promise, "state").str());
        assertEquals(List.of(bug), JvmValues.UNCAUGHT);
        assertTrue(service.isActive(), "the chat went on");
    }

    @Test
    void aThrowingSubscriberIsThePagesAndTheOthersStillHearTheEvent() {
        List<String> log = new ArrayList<>();
        Value bug = Js.obj("bug", 2);
        Js.call(page, "subscribe", "WebChatService.started", throwing(bug, log, "first"));
        Js.call(page, "subscribe", "WebChatService.started", Js.fn(e -> log.add("second")));
        startChat();
        assertEquals(List.of("first", "second"), log);
        assertEquals(List.of(bug), JvmValues.UNCAUGHT);
        assertTrue(service.isActive());
        command("sendMessage", Js.obj("message", "still here"));
        assertEquals(1, transport.count("send"), "the chat goes on");
    }

    @Test
    void aThrowingThenFilterRejectsItsOwnPromiseOnly() {
        Value bug = Js.obj("bug", 3);
        List<String> log = new ArrayList<>();
        Value promise = Js.call(page, "command", "WebChatService.getSessionData");
        Value next = Js.call(promise, "pipe", throwing(bug, log, "filter"));
        List<Value> rejected = new ArrayList<>();
        Js.call(next, "fail", Js.fn(rejected::add));
        tab.loop.runDue();
        assertEquals("resolved", Js.call(promise, "state").str());
        assertEquals(List.of(bug), rejected);
        assertEquals(List.of(bug), JvmValues.UNCAUGHT);
    }

    @Test
    void aThrowingPreprocessorKeepsTheMessageAndThePageSeesItsError() {
        startChat();
        Value bug = Js.obj("bug", 4);
        command("registerPreProcessor", Js.obj("preprocessor", throwing(bug, new ArrayList<>(), "pre")));
        transport.messages(transport.item("Message", "Hello", "Agent", 2, "Grace"));
        tab.loop.runDue();
        assertTrue(events.stream().anyMatch(e -> e.startsWith("messageReceived") && e.contains("Hello")), events
                .toString());
        assertEquals(List.of(bug), JvmValues.UNCAUGHT);
    }

    /**
     * Drop-in mode on a page bus whose deferreds run their callbacks synchronously and let exceptions out, as
     * jQuery's do: a page's done callback that throws used to unwind through our command handler (its try/catch
     * then rejected an already resolved deferred, and swallowed the error).
     */
    @Test
    void onAGenesysBusAThrowingDoneCallbackNeitherUnwindsUsNorDisappears() {
        // given a page bus (ours, reached through its JS API) whose WebChatService commands resolve like jQuery's
        tab.page.reload();
        Value pageBus = BusApi.global(new Bus(tab.loop, tab.page));
        tab.page.window().set("CXBus", pageBus);
        tab.page.window().set("_genesys", Js.obj("widgets", Js.obj("main", Js.obj(), "webchat",
                Js.obj("dataURL", "x"))));
        Value app = Js.call(pageBus, "registerPlugin", "App");
        Js.call(app, "ready");
        List<Value> handlers = new ArrayList<>();
        Value realRegister = pageBus.get("registerPlugin");
        pageBus.set("registerPlugin", Values.function((self, args) -> {
            Value api = realRegister.call(pageBus, args);
            Value realCommand = api.get("registerCommand");
            api.set("registerCommand", Values.function((s, a) -> {
                handlers.add(Js.obj("name", a[0], "fn", a[1]));
                return realCommand.call(api, a);
            }));
            return api;
        }));
        List<ScriptedTransport> made = new ArrayList<>();
        WebChatService hosted = Launcher.start(tab.platform, ctx -> {
            ScriptedTransport t = new ScriptedTransport(ctx);
            made.add(t);
            return t;
        }, new SharedTabs());
        Js.call(app, "republish", "ready", Js.obj());
        tab.loop.runDue();
        Value start = handlers.stream().filter(h -> h.get("name").str().equals("startChat")).findFirst()
                .orElseThrow().get("fn");
        // when the page's command resolves and its done callback throws synchronously out of resolve()
        Value bug = Js.obj("bug", 5);
        List<String> settled = new ArrayList<>();
        Value deferred = Js.obj(
                "resolve", Values.function((s, a) -> {
                    settled.add("resolve");
                    throw new JsError("Error: page bug", bug);
                }),
                "reject", Values.function((s, a) -> {
                    settled.add("reject");
                    return Values.undefined();
                }));
        start.call(Values.undefined(), Js.obj("commander", "Page", "command", "WebChatService.startChat",
                "data", Js.obj("nickname", "Ada"), "deferred", deferred));
        tab.loop.runDue();
        made.get(0).startSucceeds(made.get(0).last("start"));
        tab.loop.runDue();
        // then the command resolved once, was not turned into a rejection, the chat is active, the page saw its error
        assertEquals(List.of("resolve"), settled);
        assertTrue(hosted.isActive());
        assertEquals(List.of(bug), JvmValues.UNCAUGHT);
    }
}
