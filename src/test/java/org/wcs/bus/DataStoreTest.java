package org.wcs.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wcs.jvm.Js.call;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;

/** Checklist G18: the observable key/value store. */
class DataStoreTest extends BusFixture {

    @Test
    void changedValuesPublishThreeEventsAndNullIsARead() {
        // given
        Value p = register("P");
        Value q = register("Q");
        List<String> events = new ArrayList<>();
        for (String e : List.of("P.data", "P.data.k", "P.data.k:'v'", "P.data.k:true")) {
            call(q, "subscribe", e, Js.fn(env -> events.add(env.get("event").str())));
        }
        // when
        assertEquals("v", call(p, "data", "k", "v").str());
        loop.runDue();
        // then
        assertEquals(List.of("P.data", "P.data.k", "P.data.k:'v'"), events);
        Value record = call(p, "data", "").get("k");
        assertEquals("v", record.get("value").str());
        assertTrue(record.get("last").isUndefined());
        // when: the same value again, or null
        events.clear();
        call(p, "data", "k", "v");
        assertEquals("v", call(p, "data", "k", (Object) null).str());
        loop.runDue();
        assertEquals(List.of(), events);
        // when: another type
        call(p, "data", "k", true);
        loop.runDue();
        assertEquals(List.of("P.data", "P.data.k", "P.data.k:true"), events);
        // and another plugin reads it by "P.k"
        assertTrue(call(q, "data", "P.k").truthy());
        assertTrue(call(q, "data", "P.none").isUndefined());
    }

    @Test
    void dottedKeysAreStoredButOthersCannotReadThem() {
        Value p = register("WebChatService");
        Value q = register("Q");
        call(p, "data", "WebChatService.mode", Js.obj("async", true));
        assertTrue(call(p, "data", "WebChatService.mode").get("async").truthy());
        assertTrue(call(q, "data", "WebChatService.mode").isUndefined());
    }

    @Test
    void dataEventCarriesLastValueAndTime() {
        Value p = register("P");
        Value q = register("Q");
        List<Value> seen = new ArrayList<>();
        call(q, "subscribe", "P.data.n", Js.fn(seen::add));
        call(p, "data", "n", 1);
        loop.advance(5);
        call(p, "data", "n", 2);
        loop.runDue();
        Value second = seen.get(1).get("data");
        assertEquals(1.0, second.get("last").num());
        assertEquals(2.0, second.get("value").num());
        assertEquals((double) loop.now(), second.get("time").num());
    }
}
