package org.wcs.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.platform.Platform;
import org.wcs.service.TestPage;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * Where the API lives and how it shares the page with the {@code WebChatService} plugin (spec §2, §6; acceptance
 * tests 1 to 3, 52 and 53).
 */
class InstallAndCoexistenceTest extends ApiFixture {

    @Test
    void installsSynchronouslyWithItsMembersAndNoOtherGlobal() { // 1
        open(false);
        Value installed = window.get("_genesys").get("chatService");
        assertSame(api, installed);
        for (String m : new String[] {"startSession", "restoreSession", "startChat"}) {
            assertTrue(installed.get(m).isFunction(), m);
        }
        assertEquals(Platform.UNSTAMPED, installed.get("version").str());
        assertFalse(window.has("chat"));
        // exportAs
        load(Js.obj("chatServiceConfig", Js.obj("exportAs", "chat")));
        assertSame(api, window.get("chat"));
    }

    @Test
    void onReadyCallbacksRunOnceLaterAndAThrowingOneStopsNothing() { // 2
        open(false);
        List<Value> seen = new ArrayList<>();
        Value throwing = Values.function((s, a) -> {
            throw new JsError("Error: page bug");
        });
        load(Js.obj("chatServiceConfig", Js.obj("onReady", Js.arr(throwing, Js.fn(seen::add)))));
        assertTrue(seen.isEmpty(), "asynchronously");
        tab.loop.runDue();
        assertEquals(1, seen.size());
        assertSame(api, seen.get(0));
        tab.loop.advance(1000);
        assertEquals(1, seen.size());
    }

    @Test
    void aSecondLoadKeepsTheFirstObject() { // 3
        open(false);
        Value first = api;
        Value second = ChatServiceApi.install(tab.platform, new Transports());
        assertSame(first, second);
        assertSame(first, window.get("_genesys").get("chatService"));
        assertTrue(tab.page.console.stream().anyMatch(l -> l.contains(ChatServiceTexts.ALREADY_INSTALLED)));
    }

    @Test
    void thePluginAndTheApiShareThePageButNeverRunTwoChats() { // 52
        // given a page with the bus plugin configured for GMS and the API beside it
        cometd = false;
        comet.reset();
        tab = new JvmPlatform();
        TestPage page = new TestPage(tab, Js.obj("dataURL", dataUrl()), new Transports());
        window = tab.page.window();
        api = ChatServiceApi.install(tab.platform, new Transports());
        // when the plugin has a chat, the API refuses with 200
        assertEquals("resolved", page.await("startChat", Js.obj("nickname", "Ada")).state);
        TestPage.Outcome refused = await(call("startSession", options()));
        assertEquals(200, code(refused));
        assertEquals("rejected", await(call("restoreSession", null)).state);
        assertEquals("resolved", page.await("endChat", null).state);
        // when the API has a chat, the plugin refuses
        page.takeEvents();
        Value session = start();
        TestPage.Outcome plugin = page.await("startChat", Js.obj("nickname", "Bob"));
        assertEquals("rejected", plugin.state);
        assertEquals("There is already an active chat session", plugin.text());
        // and the API published nothing on the bus nor used the plugin's cookies
        tab.loop.advance(5000);
        assertTrue(page.events.stream().noneMatch(e -> e.startsWith("started") || e.startsWith("messageReceived")),
                page.events.toString());
        assertTrue(tab.cookies.all().keySet().stream().noneMatch(n -> n.startsWith("_genesys.widgets.webchat.state")));
        // once the API's chat is over the plugin may start again
        ask(session, "leave");
        assertEquals("resolved", page.await("startChat", Js.obj("nickname", "Cy")).state);
    }

    @Test
    void theGwe812PatternWorksUnchanged() { // 53
        open(false);
        load(Js.obj("chatServiceConfig", Js.obj("exportAs", "chat")));
        Value chat = window.get("chat");
        TestPage.Outcome restored = await(TestPage.Outcome.of(Js.call(chat, "restoreSession")));
        assertEquals("rejected", restored.state);
        assertFalse(restored.value.has("error"));
        TestPage.Outcome started = await(TestPage.Outcome.of(Js.call(chat, "startChat",
                Js.obj("serverUrl", cometUrl()))));
        assertEquals("resolved", started.state);
        cometd = true;
        Value session = listen(started.value);
        agent(session).joins("Grace").says("Hello");
        awaitCall("onMessageReceived");
        assertEquals("resolved", ask(session, "sendMessage", "Hi there").state);
    }
}
