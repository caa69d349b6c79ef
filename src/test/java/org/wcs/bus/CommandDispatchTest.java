package org.wcs.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wcs.jvm.Js.call;
import static org.wcs.jvm.Js.keys;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Checklist G3-G7, G10-G12: how a command travels from commander to handler. */
class CommandDispatchTest extends BusFixture {

    private final List<Value> handled = new ArrayList<>();

    private Value pluginWith(String name, String command) {
        Value p = register(name);
        call(p, "registerCommand", command, Js.fn(c -> {
            handled.add(c);
            call(c.get("deferred"), "resolve", c.get("data"));
        }));
        return p;
    }

    @Test
    void builtInsResolveWithNoValueOnceReady() { // G3
        // given
        Value x = register("X");
        Value caller = register("Caller");
        List<String> load = watch(call(caller, "command", "X.LOAD"));
        List<String> commands = watch(call(caller, "command", "X.COMMANDS"));
        List<String> events = watch(call(caller, "command", "X.EVENTS"));
        loop.advance(10_000);
        assertEquals(List.of(), load, "buffered until ready");
        // when
        call(x, "ready");
        loop.runDue();
        // then
        assertEquals(List.of("resolved:[]"), load);
        assertEquals(List.of("resolved:[]"), commands);
        assertEquals(List.of("resolved:[]"), events);
    }

    @Test
    void handlerGetsExactlyTheFiveKeys() { // G4
        // given
        Value p = pluginWith("P", "go");
        call(p, "ready");
        Value q = register("Q");
        // when
        call(q, "command", "P.go", Js.obj("a", 1));
        loop.runDue();
        // then
        Value c = handled.get(0);
        assertEquals(List.of("time", "commander", "command", "deferred", "data"), keys(c));
        assertEquals("Q", c.get("commander").str());
        assertEquals("P.go", c.get("command").str());
        assertEquals(1.0, c.get("data").get("a").num());
        assertEquals((double) loop.now(), c.get("time").num());
    }

    @Test
    void commandWithoutDotGoesToTheCallersOwnPlugin() { // G5
        Value p = pluginWith("P", "foo");
        call(p, "ready");
        call(p, "command", "foo");
        loop.runDue();
        assertEquals("P.foo", handled.get(0).get("command").str());
        assertEquals("P", handled.get(0).get("commander").str());
    }

    @Test
    void handlerRunsAfterTheCallerReturns() { // G6
        // given
        Value p = pluginWith("P", "go");
        call(p, "ready");
        // when
        call(cxbus, "command", "P.go");
        // then
        assertEquals(0, handled.size(), "not inside command()");
        loop.runDue();
        assertEquals(1, handled.size());
        assertEquals("CXBus", handled.get(0).get("commander").str());
    }

    @Test
    void commandsWaitForReadyInOrderWithoutTimeout() { // G7
        // given
        Value p = pluginWith("P", "go");
        for (int i = 0; i < 3; i++) {
            call(cxbus, "command", "P.go", Js.obj("n", i));
        }
        // when a day passes
        loop.advance(86_400_000L);
        // then
        assertEquals(0, handled.size());
        call(p, "ready");
        loop.runDue();
        assertEquals(List.of(0.0, 1.0, 2.0), handled.stream().map(c -> c.get("data").get("n").num()).toList());
    }

    @Test
    void ownCommandsRunBeforeReady() {
        Value p = pluginWith("P", "configure");
        call(p, "command", "configure", Js.obj());
        loop.runDue();
        assertEquals(1, handled.size());
    }

    @Test
    void nonObjectDataIsCancelledAndNullishBecomesEmptyObject() { // G10
        // given
        Value p = pluginWith("P", "go");
        call(p, "ready");
        // when
        List<String> text = watch(call(cxbus, "command", "P.go", "text"));
        List<String> number = watch(call(cxbus, "command", "P.go", 5));
        List<String> nul = watch(call(cxbus, "command", "P.go", (Object) null));
        List<String> none = watch(call(cxbus, "command", "P.go"));
        assertEquals(List.of(), text, "rejected on a later turn");
        loop.runDue();
        // then
        assertEquals(List.of("rejected:[\"Command was cancelled by a 'before' function.\"]"), text);
        assertEquals(List.of("rejected:[\"Command was cancelled by a 'before' function.\"]"), number);
        assertEquals(List.of("resolved:[{}]"), nul);
        assertEquals(List.of("resolved:[{}]"), none);
    }

    @Test
    void beforeHooksCancelOrReplaceTheData() { // G11
        // given
        Value p = pluginWith("P", "go");
        call(p, "ready");
        Value hooks = register("Hooks");
        call(hooks, "before", "P.go", Values.function((s, a) -> a[0].get("cancel").truthy()
                ? Values.of(false) : Js.obj("replaced", true)));
        List<String> hookAfterCancel = new ArrayList<>();
        call(hooks, "before", "P.go", Values.function((s, a) -> {
            hookAfterCancel.add("ran");
            return a[0];
        }));
        // when
        List<String> cancelled = watch(call(cxbus, "command", "P.go", Js.obj("cancel", true)));
        List<String> replaced = watch(call(cxbus, "command", "P.go", Js.obj("x", 1)));
        loop.runDue();
        // then
        assertEquals(List.of("rejected:[\"" + BusTexts.CANCELLED + "\"]"), cancelled);
        assertEquals(List.of("resolved:[{\"replaced\":true}]"), replaced);
        assertEquals(List.of("ran"), hookAfterCancel, "skipped once a hook returned a non-object");
        assertEquals(false, call(hooks, "before", ".go", Js.fn(v -> { })).truthy());
    }

    @Test
    void unknownCommandOnAReadyPluginRejects() { // G12, our documented deviation
        Value p = pluginWith("P", "go");
        call(p, "ready");
        List<String> unknown = watch(call(cxbus, "command", "P.nope"));
        List<String> threeParts = watch(call(cxbus, "command", "P.go.deeper"));
        loop.runDue();
        assertEquals(List.of("rejected:[\"Command does not exist\"]"), unknown);
        assertEquals(List.of("rejected:[\"Command does not exist\"]"), threeParts);
    }

    @Test
    void bufferedUnknownCommandsRejectAtReady() {
        Value p = pluginWith("P", "go");
        List<String> unknown = watch(call(cxbus, "command", "P.nope"));
        loop.runDue();
        assertEquals(List.of(), unknown);
        call(p, "ready");
        loop.runDue();
        assertEquals(List.of("rejected:[\"Command does not exist\"]"), unknown);
    }
}
