package org.wcs.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.Sandbox;
import org.wcs.service.TestPage;
import org.wcs.tabs.SharedTabs;
import org.wcs.tabs.TabLayer;
import org.wcs.browser.Transports;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The customer's page (the real plugin on a JVM page, {@link TestPage}) and the agent's desk for one chat on one back
 * end. The page is driven through bus commands and read through its event log and {@code getTranscript} only.
 */
final class ContractPage {
    /** Connection events that start an outage, and those that end one. */
    static final List<String> OUTAGE = List.of("disconnected", "connectionPending", "chatServerWentOffline",
            "restoredOffline");
    static final List<String> RECOVERY = List.of("reconnected", "connectionRestored", "chatServerBackOnline");

    final BackEnd backEnd;
    final Sandbox sandbox;
    final AgentDesk desk;
    /** How the plugin reaches its back end: shared with the site's other tabs, or alone (the lite builds). */
    final TabLayer.Maker layers;
    JvmPlatform tab;
    TestPage page;
    String chatId;
    /** Whether this page restored the chat (a reload) rather than started it. */
    boolean restored;

    ContractPage(BackEnd backEnd, Sandbox sandbox) {
        this(backEnd, sandbox, new SharedTabs());
    }

    /** A page whose plugin reaches its back end through {@code layers}. */
    ContractPage(BackEnd backEnd, Sandbox sandbox, TabLayer.Maker layers) {
        this.backEnd = backEnd;
        this.sandbox = sandbox;
        this.desk = backEnd.desk(sandbox);
        this.layers = layers;
        backEnd.reset(sandbox);
        tab = new JvmPlatform();
        page = new TestPage(tab, backEnd.config(sandbox), Js.obj(), new Transports(), layers);
    }

    /**
     * The site loaded in {@code tab}, a tab of a {@link org.wcs.jvm.JvmTabs} browser whose tabs share one chat;
     * {@code first}: the back end's emulator is reset for a new test.
     */
    ContractPage(BackEnd backEnd, Sandbox sandbox, JvmPlatform tab, boolean first) {
        this(backEnd, sandbox, tab, first, null);
    }

    /** As above, with {@code overrides} (or null) assigned over the back end's configuration, e.g. {@code tabs: false}. */
    ContractPage(BackEnd backEnd, Sandbox sandbox, JvmPlatform tab, boolean first, Value overrides) {
        this(backEnd, sandbox, tab, first, overrides, new SharedTabs());
    }

    /** As above, on the tab layer {@code layers}. */
    ContractPage(BackEnd backEnd, Sandbox sandbox, JvmPlatform tab, boolean first, Value overrides,
            TabLayer.Maker layers) {
        this.backEnd = backEnd;
        this.sandbox = sandbox;
        this.desk = backEnd.desk(sandbox);
        this.layers = layers;
        if (first) {
            backEnd.reset(sandbox);
        }
        this.tab = tab;
        Value config = backEnd.config(sandbox);
        if (overrides != null) {
            Values.assign(config, overrides);
        }
        page = new TestPage(tab, config, Js.obj(), new Transports(), layers);
    }

    /** The same site loaded again {@code laterMs} later: same cookies and storage, a new window and event loop. */
    void reload(long laterMs) {
        JvmLoop loop = new JvmLoop();
        loop.advance(tab.loop.now() - JvmLoop.EPOCH + laterMs);
        boolean cut = tab.network.isDown();
        boolean online = tab.page.online;
        tab = new JvmPlatform(loop, tab.cookies, tab.storage);
        if (cut) { // the same browser: its network and navigator.onLine are as they were
            tab.network.down();
        }
        tab.page.online = online;
        page = new TestPage(tab, backEnd.config(sandbox), Js.obj(), new Transports(), layers);
        restored = true;
    }

    /** Starts a chat as the WebChat UI does (a form) and finds it on the desk. */
    TestPage.Outcome start() {
        String before = backEnd.latestChat(sandbox);
        TestPage.Outcome o = page.await("startChat", Js.obj("form", Js.obj("firstname", "Ada", "lastname",
                "Lovelace", "email", "ada@example.test", "subject", "Billing")));
        if (o.state.equals("resolved")) {
            until(() -> {
                String latest = backEnd.latestChat(sandbox);
                return latest != null && !latest.equals(before);
            });
            chatId = backEnd.latestChat(sandbox);
        }
        return o;
    }

    /** A started chat with the agent Grace in it, who said hello, and the page caught up. */
    void chatWithAgent() {
        TestPage.Outcome o = start();
        if (!o.state.equals("resolved")) {
            throw new AssertionError("startChat " + o + " on " + backEnd);
        }
        desk.join(chatId, "Grace");
        desk.say(chatId, "Hello, Grace here");
        sync();
    }

    TestPage.Outcome send(String text) {
        return page.await("sendMessage", Js.obj("message", text));
    }

    void until(BooleanSupplier condition) {
        tab.loop.runUntil(condition, 300_000);
    }

    /** Runs the page for {@code ms} of virtual time, or until nothing is left to run. */
    void idle(long ms) {
        double end = tab.loop.now() + ms;
        try {
            tab.loop.runUntil(() -> tab.loop.now() >= end, ms + 1_000);
        } catch (AssertionError e) {
            if (!String.valueOf(e.getMessage()).startsWith("event loop idle")) {
                throw e;
            }
        }
    }

    void awaitEvent(String name) {
        try {
            until(() -> names().contains(name));
        } catch (AssertionError e) {
            throw new AssertionError("no " + name + " on " + backEnd + " in " + page.bootEvents + page.events, e);
        }
    }

    /** The page's transcript in the back end's keys. */
    List<String> transcript() {
        return backEnd.pageItems(page.command("getTranscript", null).value);
    }

    /** The emulator's transcript of this chat, as this page must show it. */
    List<String> server() {
        return backEnd.serverItems(sandbox, chatId, restored);
    }

    /** How many items of this page's transcript have {@code text}. */
    long said(String text) {
        Value messages = page.command("getTranscript", null).value.get("messages");
        long n = 0;
        for (int i = 0; i < messages.length(); i++) {
            n += text.equals(messages.at(i).get("text").str()) ? 1 : 0;
        }
        return n;
    }

    /** Runs until this page (a tab) shows what {@code leader} shows, and that is the emulator's transcript. */
    void mirrors(ContractPage leader) {
        leader.sync();
        try {
            until(() -> transcript().equals(leader.transcript()));
        } catch (AssertionError e) {
            throw new AssertionError("tabs differ on " + leader.backEnd + ":\n leader:   " + leader.transcript()
                    + "\n follower: " + transcript() + "\n events: " + names(), e);
        }
    }

    boolean inSync() {
        return transcript().equals(server());
    }

    /** Runs until the page's transcript is the emulator's. */
    void sync() {
        try {
            until(this::inSync);
        } catch (AssertionError e) {
            throw new AssertionError("transcripts differ on " + backEnd + ":\n page:   " + transcript()
                    + "\n server: " + server() + "\n events: " + names(), e);
        }
    }

    /** Event names recorded since the page loaded (boot events included). */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (String e : page.bootEvents) {
            out.add(e.split(" ")[0]);
        }
        for (String e : page.events) {
            out.add(e.split(" ")[0]);
        }
        return out;
    }

    int count(String event) {
        return (int) names().stream().filter(event::equals).count();
    }

    /** The connection events among {@code names}, in order. */
    static List<String> connectionEvents(List<String> names) {
        return names.stream().filter(n -> OUTAGE.contains(n) || RECOVERY.contains(n)).toList();
    }

    /**
     * Null when the connection events are in a sensible order: no recovery without an earlier outage, and the last one
     * a recovery; else what is wrong.
     */
    static String connectionOrderProblem(List<String> names) {
        List<String> connection = connectionEvents(names);
        boolean outage = false;
        for (String e : connection) {
            if (OUTAGE.contains(e)) {
                outage = true;
            } else if (!outage) {
                return e + " without an earlier outage event in " + connection;
            }
        }
        if (!connection.isEmpty() && !RECOVERY.contains(connection.get(connection.size() - 1))) {
            return "the last connection event is not a recovery: " + connection;
        }
        return null;
    }
}
