package org.wcs.jsapi;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.sandbox.SandboxTest;
import org.wcs.sandbox.gms.CometdEmulator;
import org.wcs.sandbox.gms.GmsAgent;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.sandbox.gms.GmsEmulator;
import org.wcs.service.TestPage;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A JVM page with the Chat Service JS API installed, against the GMS emulator (REST) or its CometD front over
 * loopback, on the virtual clock. Each test says which mode it runs in ({@link #open}).
 */
abstract class ApiFixture extends SandboxTest {
    static {
        Js.init();
    }

    static GmsEmulator gms;
    static CometdEmulator comet;
    JvmPlatform tab;
    Value window;
    Value api;
    boolean cometd;
    /** Every callback of the sessions made by {@link #listen}: "name json". */
    final List<String> calls = new ArrayList<>();
    final List<Value> callData = new ArrayList<>();

    @BeforeAll
    static void emulators() {
        gms = sandbox.emulator(GmsEmulator.class);
        comet = sandbox.emulator(CometdEmulator.class);
    }

    /** A fresh tab in the given mode, with the API installed on a page with {@code _genesys.widgets.main = {}}. */
    void open(boolean cometd) {
        this.cometd = cometd;
        comet.reset();
        gms.clearFaults();
        tab = new JvmPlatform();
        load(Js.obj());
    }

    /** The page (re)loaded in the same tab: same cookies, fresh window, the API installed again. */
    void load(Value genesys) {
        tab.page.reload();
        window = tab.page.window();
        if (!genesys.get("widgets").isObject()) {
            genesys.set("widgets", Js.obj("main", Js.obj()));
        }
        window.set("_genesys", genesys);
        api = ChatServiceApi.install(tab.platform, new Transports());
        calls.clear();
        callData.clear();
    }

    /** The same site opened again later: a reload after {@code laterMs}, on a new clock and loop. */
    void reload(long laterMs) {
        JvmLoop loop = new JvmLoop();
        loop.advance(tab.loop.now() - JvmLoop.EPOCH + laterMs);
        tab = new JvmPlatform(loop, tab.cookies, tab.storage);
        load(Js.obj());
    }

    String dataUrl() {
        return sandbox.url() + GmsEmulator.PREFIX + "customer-support";
    }

    String cometUrl() {
        return sandbox.url() + CometdEmulator.PATH;
    }

    /** The connection options of the mode. */
    Value options(Object... more) {
        Value o = cometd ? Js.obj("serverUrl", cometUrl()) : Js.obj("dataURL", dataUrl(), "ajaxTimeout", 3000);
        for (int i = 0; i < more.length; i += 2) {
            o.set((String) more[i], Js.wrap(more[i + 1]));
        }
        return o;
    }

    /** {@code _genesys.chatService.<method>(args)}, not awaited. */
    TestPage.Outcome call(String method, Value arg) {
        return TestPage.Outcome.of(Js.call(api, method, arg == null ? Values.undefined() : arg));
    }

    /** {@code session.<method>(args)}, awaited. */
    TestPage.Outcome ask(Value session, String method, Object... args) {
        return await(TestPage.Outcome.of(Js.call(session, method, args)));
    }

    TestPage.Outcome await(TestPage.Outcome o) {
        tab.loop.runUntil(() -> !o.state.equals("pending"), 120_000);
        return o;
    }

    /** Starts a session in the mode with {@code more} options; returns it, listened to. */
    Value start(Object... more) {
        TestPage.Outcome o = await(call("startSession", options(more)));
        if (!o.state.equals("resolved")) {
            throw new AssertionError("start failed: " + o);
        }
        return listen(o.value);
    }

    /** Records every callback of {@code session} in {@link #calls}. */
    Value listen(Value session) {
        for (String name : ChatServiceTexts.CALLBACKS) {
            Js.call(session, name, Js.fn(e -> {
                calls.add(name + " " + Values.stringify(e));
                callData.add(e);
            }));
        }
        return session;
    }

    GmsChat chat(Value session) {
        return gms.chat(Js.call(session, "getSessionId").str());
    }

    GmsAgent agent(Value session) {
        return cometd ? comet.agent(chat(session)) : gms.agent(chat(session));
    }

    /** Runs until a callback whose line starts with {@code prefix} was recorded. */
    void awaitCall(String prefix) {
        tab.loop.runUntil(() -> calls.stream().anyMatch(c -> c.startsWith(prefix)), 120_000);
    }

    void clearCalls() {
        calls.clear();
        callData.clear();
    }

    /** Callback names in order. */
    String names() {
        return String.join(",", calls.stream().map(c -> c.split(" ")[0]).toList());
    }

    Value data(String callback) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).split(" ")[0].equals(callback)) {
                return callData.get(i);
            }
        }
        throw new AssertionError("no " + callback + " in " + calls);
    }

    static int code(TestPage.Outcome o) {
        return (int) o.value.get("error").get("code").num();
    }

    static String description(TestPage.Outcome o) {
        return o.value.get("error").get("description").str();
    }

    /** The number of GMS calls of this kind so far, in the mode (REST op or CometD operation). */
    int sent(String op) {
        if (cometd) {
            String operation = op.equals("refresh") ? "requestNotifications" : op.equals("updateData") ? "updateData"
                    : op;
            return comet.received(operation).size();
        }
        return gms.received(op).size();
    }

    /** The state cookie, decoded, or null. */
    String stateCookie() {
        return tab.cookies.get(ChatServiceTexts.STATE_COOKIE) == null ? null
                : java.net.URLDecoder.decode(tab.cookies.get(ChatServiceTexts.STATE_COOKIE),
                        java.nio.charset.StandardCharsets.UTF_8);
    }
}
