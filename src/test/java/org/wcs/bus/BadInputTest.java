package org.wcs.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.wcs.jvm.Js.call;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Loose or hostile page input gets an answer, never an exception that stops other plugins. */
class BadInputTest extends BusFixture {

    private static Value throwing() {
        return Values.function((s, a) -> {
            throw new JsError("TypeError: boom");
        });
    }

    @Test
    void throwingHandlerRejectsItsCommand() {
        Value p = register("P");
        call(p, "registerCommand", "go", throwing());
        call(p, "ready");
        List<String> seen = watch(call(cxbus, "command", "P.go"));
        loop.runDue();
        assertEquals(List.of("rejected:[\"TypeError: boom\"]"), seen);
    }

    @Test
    void throwingSubscriberDoesNotStopTheOthers() {
        Value p = register("P");
        Value l = register("L");
        List<String> seen = new ArrayList<>();
        call(l, "subscribe", "P.e", throwing());
        call(l, "subscribe", "P.e", Js.fn(env -> seen.add("second")));
        call(p, "publish", "e");
        loop.runDue();
        assertEquals(List.of("second"), seen);
    }

    @Test
    void throwingCallbackDoesNotStopTheOthers() {
        Value p = register("P");
        call(p, "registerCommand", "go", Js.fn(c -> call(c.get("deferred"), "resolve")));
        call(p, "ready");
        List<String> seen = new ArrayList<>();
        Value promise = call(p, "command", "go");
        call(promise, "done", throwing(), Js.fn(v -> seen.add("second")));
        loop.runDue();
        assertEquals(List.of("second"), seen);
    }

    @Test
    void nonStringNamesAreRefused() {
        Value p = register("P");
        assertFalse(call(p, "publish", 5).truthy());
        assertFalse(call(p, "subscribe", Js.obj(), Js.fn(v -> { })).truthy());
        assertFalse(call(p, "registerCommand", "x", "not a function").truthy());
        List<String> seen = watch(call(p, "command", 42));
        assertEquals(List.of("rejected:[\"Command does not exist\"]"), seen);
    }

    @Test
    void unknownPublisherCannotPublish() {
        assertFalse(new Bus(loop, page).publish("Nobody", "e", Values.undefined(), false, false));
    }
}
