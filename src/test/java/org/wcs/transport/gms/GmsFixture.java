package org.wcs.transport.gms;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.sandbox.SandboxTest;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;
import org.wcs.service.TestPage;
import org.wcs.browser.Transports;
import org.wcs.value.Value;

/** The real plugin with the GMS transport on a JVM page, against the GMS emulator over loopback HTTP. */
abstract class GmsFixture extends SandboxTest {
    static {
        Js.init();
    }

    static GmsEmulator gms;
    JvmPlatform tab;
    TestPage page;

    @BeforeAll
    static void emulator() {
        gms = sandbox.emulator(GmsEmulator.class);
    }

    String dataUrl() {
        return sandbox.url() + GmsEmulator.PREFIX + "customer-support";
    }

    /** The configuration of each page; tests override to add options. */
    Value config() {
        return Js.obj("dataURL", dataUrl(), "ajaxTimeout", 3000);
    }

    @BeforeEach
    void open() {
        tab = new JvmPlatform();
        page = new TestPage(tab, config(), new Transports());
    }

    /** The same site opened again (a reload or a second tab): same cookies, its own clock and event loop. */
    TestPage reload(long laterMs) {
        JvmLoop loop = new JvmLoop();
        loop.advance(tab.loop.now() - JvmLoop.EPOCH + laterMs);
        tab = new JvmPlatform(loop, tab.cookies, tab.storage);
        page = new TestPage(tab, config(), new Transports());
        return page;
    }

    /** Starts a chat and waits for the emulator to have it; clears the page's event log. */
    GmsChat start() {
        TestPage.Outcome o = page.await("startChat", Js.obj("firstname", "Ada", "lastname", "Lovelace"));
        if (!o.state.equals("resolved")) {
            throw new AssertionError("start failed: " + o);
        }
        GmsChat chat = gms.chat(page.service.isActive() ? sessionId() : null);
        page.awaitEvent("messageReceived");
        page.takeEvents();
        return chat;
    }

    String sessionId() {
        return page.command("getSessionData", null).value.get("sessionID").str();
    }

    /** Runs the page until the emulator's transcript is all on the page. */
    void sync(GmsChat chat) {
        tab.loop.runUntil(() -> transcript().size() == chat.size(), 60_000);
    }

    /** The page's transcript in the emulator's line format. */
    List<String> transcript() {
        Value messages = page.command("getTranscript", null).value.get("originalMessages");
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < messages.length(); i++) {
            Value m = messages.at(i);
            out.add(Math.round(m.get("index").num()) + " " + m.get("type").str() + " "
                    + m.get("from").get("type").str() + " " + m.get("text").str(""));
        }
        return out;
    }

    static String names(List<String> events) {
        return events.stream().map(e -> e.split(" ")[0]).filter(e -> !e.equals("ajaxResponse"))
                .collect(Collectors.joining(","));
    }
}
