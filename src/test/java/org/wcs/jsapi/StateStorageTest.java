package org.wcs.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** The state storage's edges (spec §7.1, §7.3): a cookie too large for the mirror, a write that throws. */
class StateStorageTest extends ApiFixture {

    @Test
    void aStateTooLargeForItsCookieLeavesTheMirrorOut() {
        open(false);
        Value session = start();
        String big = "x".repeat(4000);
        assertEquals("resolved", ask(session, "setUserData", Js.obj("Big", big)).state);
        Value state = Values.parse(stateCookie());
        assertEquals(Js.call(session, "getSessionId").str(), state.get("chatId").str(), "the identity always fits");
        assertFalse(state.has("userData"));
        assertTrue(tab.page.console.stream().anyMatch(l -> l.contains(ChatServiceTexts.STATE_TOO_LARGE)));
        assertEquals(big, ask(session, "getUserData", "Big").value.get("userData").get("Big").str(),
                "the page's own mirror keeps it");
    }

    @Test
    void aWriteThatThrowsIsToldThroughOnErrorAndTheChatGoesOn() {
        open(false);
        int[] writes = {0};
        Value storage = Js.obj("write", Values.function((s, a) -> {
            writes[0]++;
            throw new JsError("Error: quota");
        }), "read", Values.function((s, a) -> Values.nul()));
        Value promise = Js.call(api, "startSession", options("stateStorage", storage));
        Js.call(promise, "done", Js.fn(s -> listen(s))); // listeners added in done hear what the start causes
        Value session = await(org.wcs.service.TestPage.Outcome.of(promise)).value;
        tab.loop.runDue();
        assertEquals("onError", names());
        assertEquals(52.0, data("onError").get("error").get("code").num());
        assertEquals("resolved", ask(session, "sendMessage", "still here").state);
        tab.loop.runUntil(() -> writes[0] >= 3, 30_000); // two ping writes fail too: told once
        assertEquals("onError", names().replace(",onMessageReceived", ""));
    }
}
