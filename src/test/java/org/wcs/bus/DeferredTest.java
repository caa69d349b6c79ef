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

/** Checklist G13, G14 and the rest of the promise API page code uses. */
class DeferredTest extends BusFixture {

    private int plugins;

    private Value settled(boolean resolve, Object... args) {
        Value p = register("P" + plugins++);
        call(p, "registerCommand", "go", Js.fn(c -> call(c.get("deferred"), resolve ? "resolve" : "reject", args)));
        call(p, "ready");
        Value promise = call(p, "command", "go");
        loop.runDue();
        return promise;
    }

    @Test
    void promiseViewHasExactlyTheOriginalKeys() {
        Value promise = call(cxbus, "command", "CXBus.LOAD");
        assertEquals(List.of("done", "fail", "progress", "always", "then", "promise", "state", "isResolved",
                "isRejected", "debug", "pipe"), keys(promise));
    }

    @Test
    void thenReturnsUndefinedYetAwaitGetsTheFirstArgument() { // G13
        // given
        Value ok = settled(true, "first", "second");
        Value bad = settled(false, "why");
        List<String> seen = new ArrayList<>();
        // when: what `await` does with a thenable
        Value r = call(ok, "then", Js.fn(v -> seen.add("value:" + v.str())), Js.fn(v -> seen.add("error")));
        call(bad, "then", Js.fn(v -> seen.add("value")), Js.fn(v -> seen.add("thrown:" + v.str())));
        // then
        assertTrue(r.isUndefined());
        assertEquals(List.of("value:first", "thrown:why"), seen);
    }

    @Test
    void callbacksAddedAfterSettlingRunSynchronously() { // G14
        Value ok = settled(true, 1);
        List<String> seen = new ArrayList<>();
        Value chained = call(ok, "done", Js.fn(v -> seen.add("done")));
        assertEquals(List.of("done"), seen, "ran inside done()");
        assertTrue(chained.same(ok), "chainable");
        assertEquals("resolved", call(ok, "state").str());
        assertTrue(call(ok, "isResolved").truthy());
    }

    @Test
    void doneTakesManyFunctionsAndArraysAndSkipsTheRest() {
        Value ok = settled(true);
        List<String> seen = new ArrayList<>();
        call(ok, "always", Js.fn(v -> seen.add("a")), Js.arr(Js.fn(v -> seen.add("b"))), Js.obj("not", "fn"),
                Values.nul());
        assertEquals(List.of("a", "b"), seen);
    }

    @Test
    void pipeFiltersTheResult() {
        Value ok = settled(true, 2);
        Value piped = call(ok, "pipe", Values.function((s, a) -> Values.of(a[0].num() * 10)));
        List<String> seen = watch(piped);
        assertEquals(List.of("resolved:[20]"), seen);
    }

    @Test
    void onlyTheFirstSettleCounts() {
        Value p = register("Twice");
        call(p, "registerCommand", "go", Js.fn(c -> {
            call(c.get("deferred"), "resolve", "one");
            call(c.get("deferred"), "reject", "two");
        }));
        call(p, "ready");
        List<String> seen = watch(call(p, "command", "go"));
        loop.runDue();
        assertEquals(List.of("resolved:[\"one\"]"), seen);
    }

    @Test
    void promiseCopiesTheMethodsOntoAnObject() {
        Value ok = settled(true, 7);
        Value target = Js.obj("own", 1);
        assertTrue(call(ok, "promise", target).same(target));
        assertTrue(target.get("done").isFunction());
        assertTrue(call(ok, "promise").same(ok));
    }
}
