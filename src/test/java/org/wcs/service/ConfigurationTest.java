package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.bus.BusTexts;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.tabs.SharedTabs;
import org.wcs.transport.TransportTexts;
import org.wcs.transport.gms.GmsTexts;
import org.wcs.value.Value;

/** Configuration and transport selection (spec B.3, D.4.1; checklist G27, G52). */
class ConfigurationTest extends ServiceFixture {

    private List<String> ready(JvmPlatform t) {
        Value p = Js.call(t.page.window().get("CXBus"), "registerPlugin", "Probe");
        List<String> seen = new ArrayList<>();
        Js.call(p, "subscribe", "WebChatService.ready", Js.fn(e -> seen.add("ready")));
        Value promise = Js.call(p, "command", "WebChatService.getTranscript");
        Js.call(promise, "done", Js.fn(v -> seen.add("answered")));
        t.loop.advance(60_000);
        return seen;
    }

    @Test
    void emptyConfigurationKeepsThePluginUnready() { // G27
        JvmPlatform t = new JvmPlatform();
        t.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat", Js.obj())));
        Launcher.start(t.platform, new Transports(), new SharedTabs());
        assertEquals(List.of(), ready(t), "commands wait, no ready");
    }

    @Test
    void unknownTransportTypeIsRejectedAndKeepsThePluginUnready() { // G52
        JvmPlatform t = new JvmPlatform();
        t.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat",
                Js.obj("transport", Js.obj("type", "unknown-v9-rest")))));
        WebChatService s = Launcher.start(t.platform, new Transports(), new SharedTabs());
        assertEquals(TransportTexts.INVALID_TRANSPORT, s.configure(Js.obj("transport", Js.obj("type", "nope"))));
        assertEquals(Texts.INVALID_CONFIGURATION, s.configure(Js.obj()));
        assertEquals(List.of(), ready(t));
    }

    @Test
    void configurationRejectedByTheFactoryKeepsItsText() {
        JvmPlatform t = new JvmPlatform();
        t.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat", Js.obj("x", 1))));
        WebChatService s = Launcher.start(t.platform, ctx -> {
            throw new IllegalArgumentException(GmsTexts.ASYNC_NEEDS_COMETD);
        }, new SharedTabs());
        assertEquals(GmsTexts.ASYNC_NEEDS_COMETD, s.configure(Js.obj("x", 1)));
    }

    @Test
    void configuredUserDataIsPublishedAsDataKey() {
        JvmPlatform t = new JvmPlatform();
        tab = t;
        bootPage(Js.obj("dataURL", "x", "userData", Js.obj("a", "1")));
        assertEquals("{\"a\":\"1\"}", Js.json(Js.call(page, "data", "WebChatService.userData")));
    }

    @Test
    void reconfigureDuringAChatIsRefused() {
        startChat();
        assertEquals(Texts.ALREADY_ACTIVE, service.configure(Js.obj("dataURL", "y")));
    }

    @Test
    void commandThatDoesNotExistRejects() {
        assertEquals("rejected:\"" + BusTexts.COMMAND_DOES_NOT_EXIST + "\"", command("noSuchCommand").toString());
    }

    @Test
    void standaloneInstallsTheQuickBus() {
        Value quick = tab.page.window().get("_genesys").get("widgets").get("bus");
        assertEquals("QuickBus", Js.call(quick, "namespace").str());
        assertTrue(quick.get("registerPlugin").same(cxbus.get("registerPlugin")));
        assertNull(transport.last("start"));
    }
}
