package org.wcs.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wcs.jvm.Js.call;
import static org.wcs.jvm.Js.keys;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;

/** Checklist G15-G17: subscriptions, envelopes, asynchronous delivery and sticky events. */
class EventsTest extends BusFixture {

    private final List<Value> received = new ArrayList<>();

    private Value listener(String name) {
        return register(name);
    }

    @Test
    void subscribeReturnsTheEventNameOrFalse() { // G15
        Value l = listener("L");
        assertEquals("P.e", call(l, "subscribe", "P.e", Js.fn(received::add)).str());
        assertFalse(call(l, "subscribe", "P.e").truthy());
        assertFalse(call(l, "subscribe", "P.e", 0).truthy());
    }

    @Test
    void subscribersGetTheEnvelopeAfterPublishReturns() { // G16
        // given
        Value p = register("P");
        call(listener("L"), "subscribe", "P.e", Js.fn(received::add));
        // when
        assertTrue(call(p, "publish", "e").truthy());
        // then
        assertEquals(0, received.size(), "not inside publish()");
        loop.runDue();
        Value env = received.get(0);
        assertEquals(List.of("time", "publisher", "event", "data"), keys(env));
        assertEquals("P", env.get("publisher").str());
        assertEquals("P.e", env.get("event").str());
        assertEquals("{}", Js.json(env.get("data")));
    }

    @Test
    void everySubscriptionFiresInOrderWithTheSameDataObject() {
        Value p = register("P");
        Value l = listener("L");
        List<String> order = new ArrayList<>();
        Value data = Js.obj("n", 1);
        call(l, "subscribe", "P.e", Js.fn(env -> order.add("first:" + env.get("data").same(data))));
        call(l, "subscribe", "P.e", Js.fn(env -> order.add("second:" + env.get("data").same(data))));
        call(p, "publish", "e", data);
        loop.runDue();
        assertEquals(List.of("first:true", "second:true"), order);
    }

    @Test
    void republishedDataReachesLateSubscribersAndPlainPublishDoesNotReplaceIt() { // G17
        // given
        Value p = register("P");
        call(p, "republish", "ready", Js.obj("v", 1));
        call(p, "publish", "ready", Js.obj("v", 2));
        loop.runDue();
        // when
        call(listener("Late"), "subscribe", "P.ready", Js.fn(received::add));
        loop.runDue();
        // then
        assertEquals(1, received.size());
        assertEquals(1.0, received.get(0).get("data").get("v").num());
    }

    @Test
    void unsubscribingTheLastListenerErasesStickyData() {
        Value p = register("P");
        Value l = listener("L");
        call(l, "subscribe", "P.s", Js.fn(received::add));
        call(p, "republish", "s", Js.obj("v", 1));
        assertTrue(call(l, "unsubscribe", "P.s").truthy());
        assertFalse(call(l, "unsubscribe", "P.none").truthy());
        loop.runDue();
        received.clear();
        call(l, "subscribe", "P.s", Js.fn(received::add));
        loop.runDue();
        assertEquals(0, received.size());
    }

    @Test
    void subscribingBeforeThePublisherExistsWorks() {
        call(listener("L"), "subscribe", "Future.e", Js.fn(received::add));
        Value f = register("Future");
        call(f, "publish", "e", Js.obj("x", true));
        loop.runDue();
        assertEquals(1, received.size());
    }

    @Test
    void subscribersListsMatchingEvents() {
        Value l = listener("L");
        call(l, "subscribe", "WebChatService.ready", Js.fn(received::add));
        call(l, "subscribe", "WebChat.opened", Js.fn(received::add));
        Value webchat = register("WebChat");
        assertEquals("{\"WebChatService.ready\":[\"L\"],\"WebChat.opened\":[\"L\"]}",
                Js.json(call(webchat, "subscribers")));
    }
}
