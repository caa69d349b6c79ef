package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.bus.Bus;
import org.wcs.bus.BusApi;
import org.wcs.fake.ScriptedTransport;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.tabs.SharedTabs;
import org.wcs.value.Value;

/**
 * On a page that already runs a CXBus (spec D.1): the service registers on it at once, waits for the sticky
 * App.ready, configures itself from the global configuration, and talks to App. The page's bus here is another
 * instance of ours, reached only through its JS API, exactly as Genesys's would be.
 */
class HostedModeTest {
    private final JvmPlatform tab = new JvmPlatform();
    private Value pageBus;
    private Value app;
    private ScriptedTransport transport;
    private final List<String> appCommands = new ArrayList<>();

    @BeforeEach
    void page() {
        pageBus = BusApi.global(new Bus(tab.loop, tab.page));
        tab.page.window().set("CXBus", pageBus);
        tab.page.window().set("_genesys", Js.obj("widgets", Js.obj("main", Js.obj("header",
                Js.obj("Authorization", "Bearer main")), "webchat", Js.obj("dataURL", "x", "enableCustomHeader",
                true))));
        app = Js.call(pageBus, "registerPlugin", "App");
        for (String c : new String[] {"registerAutoLoad", "deregisterAutoLoad"}) {
            Js.call(app, "registerCommand", c, Js.fn(e -> {
                appCommands.add(c + " by " + e.get("commander").str());
                Js.call(e.get("deferred"), "resolve");
            }));
        }
        Js.call(app, "ready");
    }

    private WebChatService start() {
        return Launcher.start(tab.platform, ctx -> transport = new ScriptedTransport(ctx), new SharedTabs());
    }

    @Test
    void registersAtOnceAndWaitsForAppReady() {
        // when the plugin file runs
        WebChatService service = start();
        // then the name is taken at once
        assertEquals(false, Js.call(pageBus, "registerPlugin", "WebChatService").truthy());
        Value caller = Js.call(pageBus, "registerPlugin", "Caller");
        List<String> answers = new ArrayList<>();
        Js.call(Js.call(caller, "command", "WebChatService.getSessionData"), "done",
                Js.fn(v -> answers.add(Js.json(v))));
        tab.loop.advance(10_000);
        assertEquals(List.of(), answers, "not ready before App.ready");
        assertNull(transport);
        // when App becomes ready
        Js.call(app, "republish", "ready", tab.page.window().get("_genesys").get("widgets"));
        tab.loop.runDue();
        // then
        assertEquals(List.of("{\"sessionID\":\"\",\"userId\":\"\",\"secureKey\":\"\",\"alias\":\"\"}"), answers);
        assertTrue(service != null);
        assertTrue(!tab.page.window().get("_genesys").get("widgets").has("bus"), "no QuickBus of ours");
    }

    @Test
    void talksToAppAboutAutoLoadAndReadsLanguageAndHeaders() {
        start();
        Js.call(app, "republish", "ready", Js.obj());
        Js.call(app, "republish", "language", "fr");
        Js.call(app, "data", "requestHeader", Js.obj("Authorization", "Bearer app"));
        tab.loop.runDue();
        assertEquals("fr", transport.listener.language());
        assertEquals("Bearer app", transport.listener.header("Authorization"));
        Value caller = Js.call(pageBus, "registerPlugin", "Caller");
        Js.call(caller, "command", "WebChatService.startChat", Js.obj());
        tab.loop.runDue();
        transport.startSucceeds(transport.last("start"));
        tab.loop.runDue();
        Js.call(caller, "command", "WebChatService.endChat");
        tab.loop.runDue();
        transport.last("end").reply.ok(Js.obj());
        tab.loop.runDue();
        assertEquals(List.of("registerAutoLoad by WebChatService", "deregisterAutoLoad by WebChatService"),
                appCommands);
    }

    @Test
    void anAutoLoadListThatHasUsAlreadyIsNotRewritten() { // deviation: App rewrote the list and dropped WebChat
        tab.cookies.set("_genesys.widgets.app.autoLoadList", "{%22WebChatService%22:true%2C%22WebChat%22:true}",
                "; path=/");
        start();
        Js.call(app, "republish", "ready", Js.obj());
        tab.loop.runDue();
        Value caller = Js.call(pageBus, "registerPlugin", "Caller");
        Js.call(caller, "command", "WebChatService.startChat", Js.obj());
        tab.loop.runDue();
        transport.startSucceeds(transport.last("start"));
        tab.loop.runDue();
        assertEquals(List.of(), appCommands);
    }

    /** Starts the plugin with a transport that has a session from an earlier page to resume. */
    private void startWithASessionToResume() {
        Launcher.start(tab.platform, ctx -> {
            transport = new ScriptedTransport(ctx);
            transport.resume = "restore";
            return transport;
        }, new SharedTabs());
        Js.call(app, "republish", "ready", Js.obj());
        tab.loop.runDue();
    }

    @Test
    void theRestoreOnLoadWaitsForTheWebChatUiThatAppIsLoading() { // deviation: spec C.7 race fixed
        // given App will load the WebChat UI too
        tab.cookies.set("_genesys.widgets.app.autoLoadList", "{%22WebChatService%22:true%2C%22WebChat%22:true}",
                "; path=/");
        startWithASessionToResume();
        Value caller = Js.call(pageBus, "registerPlugin", "Caller");
        List<String> verified = new ArrayList<>();
        Js.call(Js.call(caller, "command", "WebChatService.verifySession"), "done",
                Js.fn(v -> verified.add(Js.json(v))));
        tab.loop.advance(1000);
        // then nothing is restored yet, and verifySession waits
        assertEquals(0, transport.count("restore"));
        assertEquals(List.of(), verified);
        // when the UI has subscribed and says it is ready
        Value webchat = Js.call(pageBus, "registerPlugin", "WebChat");
        List<String> seen = new ArrayList<>();
        Js.call(webchat, "subscribe", "WebChatService.restored", Js.fn(e -> seen.add("restored")));
        Js.call(webchat, "subscribe", "WebChatService.messageReceived", Js.fn(e -> seen.add(
                e.get("data").get("messages").at(0).get("text").str())));
        Js.call(webchat, "republish", "ready");
        tab.loop.runDue();
        // then the restore runs, once, and the UI sees all of it
        assertEquals(1, transport.count("restore"));
        transport.session = Js.obj("sessionID", "C9");
        transport.listener.restoreOutcome(org.wcs.transport.RestoreOutcome.RESTORED, Js.obj());
        transport.batch(true, transport.item("Message", "earlier", "Agent", 3, "Alice"));
        transport.last("restore").reply.ok(Js.obj());
        tab.loop.advance(WebChatService.WEBCHAT_WAIT_MS);
        assertEquals(List.of("restored", "earlier"), seen);
        assertEquals(List.of("{\"sessionActive\":true}"), verified);
        assertEquals(1, transport.count("restore"), "the fallback timer was cancelled");
    }

    @Test
    void withoutTheUiTheRestoreOnLoadRunsAfterFiveSeconds() {
        tab.cookies.set("_genesys.widgets.app.autoLoadList", "{%22WebChatService%22:true%2C%22WebChat%22:true}",
                "; path=/");
        startWithASessionToResume();
        tab.loop.advance(WebChatService.WEBCHAT_WAIT_MS - 1);
        assertEquals(0, transport.count("restore"));
        tab.loop.advance(1);
        assertEquals(1, transport.count("restore"));
    }

    @Test
    void theRestoreOnLoadRunsAtOnceWhenAppIsNotLoadingTheUi() {
        tab.cookies.set("_genesys.widgets.app.autoLoadList", "{%22WebChatService%22:true}", "; path=/");
        startWithASessionToResume();
        assertEquals(1, transport.count("restore"));
    }

    @Test
    void aWebChatUiLoadedAfterTheRestoreHearsItAndTheTranscriptSoFar() { // deviation: spec C.7 race fixed
        // given a chat restored at once (App was not loading the UI) with two messages, before the UI was there
        tab.cookies.set("_genesys.widgets.app.autoLoadList", "{%22WebChatService%22:true}", "; path=/");
        startWithASessionToResume();
        transport.session = Js.obj("sessionID", "C9");
        transport.listener.restoreOutcome(org.wcs.transport.RestoreOutcome.RESTORED, Js.obj());
        transport.batch(true, transport.item("Message", "earlier", "Agent", 3, "Alice"));
        transport.last("restore").reply.ok(Js.obj());
        tab.loop.runDue();
        transport.batch(false, transport.item("Message", "later", "Agent", 4, "Alice"));
        tab.loop.runDue();
        // when the UI loads (the customer opens it, or another tab's chat was joined here) and says it is ready
        Value webchat = Js.call(pageBus, "registerPlugin", "WebChat");
        List<String> seen = new ArrayList<>();
        Js.call(webchat, "subscribe", "WebChatService.restored", Js.fn(e -> seen.add("restored")));
        Js.call(webchat, "subscribe", "WebChatService.messageReceived", Js.fn(e -> {
            Value messages = e.get("data").get("messages");
            for (int i = 0; i < messages.length(); i++) {
                seen.add(messages.at(i).get("text").str() + (messages.at(i).get("restoring").truthy() ? " (restoring)"
                        : ""));
            }
            e.get("data").get("originalMessages").push(Js.obj()); // a subscriber that changes what it is given
        }));
        Js.call(webchat, "republish", "ready");
        tab.loop.runDue();
        // then it hears the restore and the whole transcript so far, as a restore tells it, once
        assertEquals(List.of("restored", "earlier (restoring)", "later (restoring)"), seen);
        Js.call(webchat, "republish", "ready");
        tab.loop.runDue();
        assertEquals(3, seen.size(), "a second ready replays nothing");
        List<Integer> originals = new ArrayList<>();
        Js.call(Js.call(Js.call(pageBus, "registerPlugin", "Caller"), "command", "WebChatService.getTranscript"),
                "done", Js.fn(t -> originals.add(t.get("originalMessages").length())));
        tab.loop.runDue();
        assertEquals(List.of(2), originals, "a subscriber changed the transcript's own list");
        assertEquals(1, transport.count("restore"));
    }

    @Test
    void aRestoreAskedForByTheUiReplacesTheHeldOne() {
        tab.cookies.set("_genesys.widgets.app.autoLoadList", "{%22WebChatService%22:true%2C%22WebChat%22:true}",
                "; path=/");
        startWithASessionToResume();
        Value webchat = Js.call(pageBus, "registerPlugin", "WebChat");
        Js.call(webchat, "command", "WebChatService.restore");
        tab.loop.advance(WebChatService.WEBCHAT_WAIT_MS);
        Js.call(webchat, "republish", "ready");
        tab.loop.runDue();
        assertEquals(1, transport.count("restore"));
    }

    @Test
    void anEmptyConfigurationLoadsNothing() {
        tab.page.window().get("_genesys").get("widgets").set("webchat", Js.obj());
        start();
        Js.call(app, "republish", "ready", Js.obj());
        tab.loop.advance(10_000);
        assertNull(transport);
    }

    @Test
    void aTakenNameLeavesThePageAlone() {
        Js.call(pageBus, "registerPlugin", "WebChatService");
        assertNull(start());
    }
}
