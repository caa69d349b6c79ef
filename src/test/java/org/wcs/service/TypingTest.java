package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** The customer's typing timers, to the millisecond (spec D.2; G37). */
class TypingTest extends ServiceFixture {

    @BeforeEach
    void chat() {
        startChat();
    }

    @Test
    void aBurstSendsOneStartAndStopsAfter2000msWithoutKeystrokes() { // G37
        // when
        Outcome first = command("sendTyping", Js.obj());
        transport.last("typingStarted").reply.ok(Js.obj("statusCode", 0));
        tab.loop.runDue();
        // then
        assertEquals("resolved:{\"statusCode\":0}", first.toString());
        assertEquals(List.of("clientTypingStarted"), takeEvents());
        // when 2000 ms pass minus one
        tab.loop.advance(ClientTyping.IDLE_MS - 1);
        assertEquals(0, transport.count("typingStopped"));
        assertEquals(List.of(), takeEvents());
        // and the last millisecond
        tab.loop.advance(1);
        assertEquals(1, transport.count("typingStopped"));
        assertEquals(List.of("clientTypingStopped"), takeEvents());
        assertEquals(0, tab.loop.pendingTimers());
    }

    @Test
    void keystrokesResetTheIdleCountWithoutRequests() {
        // given a burst started at t=0
        command("sendTyping", Js.obj());
        // when a keystroke comes at 1050 ms, between ticks
        tab.loop.advance(1050);
        Outcome again = command("sendTyping", Js.obj());
        // then it resolves at once, with no request
        assertEquals("resolved", again.state);
        assertEquals(1, transport.count("typingStarted"));
        // and the count restarts from 0 at the next tick (1100): it reaches 2000 at 3000, not at 2000 or 3050
        tab.loop.advance(2999 - 1050);
        assertEquals(0, transport.count("typingStopped"));
        tab.loop.advance(1);
        assertEquals(1, transport.count("typingStopped"));
    }

    @Test
    void sendingAMessageEndsTheBurstWithoutAStopRequest() {
        command("sendTyping", Js.obj());
        takeEvents();
        command("sendMessage", Js.obj("message", "hi"));
        assertEquals(List.of("clientTypingStopped"), takeEvents());
        tab.loop.advance(10_000);
        assertEquals(0, transport.count("typingStopped"));
        command("sendTyping", Js.obj());
        assertEquals(2, transport.count("typingStarted"), "a new burst");
    }

    @Test
    void previewTextComesFromTheOptionOrTheRegisteredInput() {
        Value textarea = Js.obj("type", "textarea", "value", "draft");
        assertEquals("resolved", command("registerTypingPreviewInput", Js.obj("input", textarea)).state);
        command("sendTyping", Js.obj());
        assertEquals("draft", transport.last("typingStarted").args[0].str());
        tab.loop.advance(2000);
        textarea.set("value", "draft two");
        command("sendTyping", Js.obj("message", "given"));
        assertEquals("given", transport.last("typingStarted").args[0].str());
        tab.loop.advance(2000);
        assertEquals("draft two", transport.last("typingStopped").args[0].str());
    }

    @Test
    void previewInputMustBeATextInputOrTextareaOrAJQueryOfOne() {
        Value jquery = Js.obj("jquery", "3.6.4", "0", Js.obj("type", "text", "value", ""), "length", 1);
        // a jQuery object is array-like: element at index 0
        Value asArray = Values.array().push(Js.obj("type", "text", "value", "x"));
        asArray.set("jquery", "3.6.4");
        assertEquals("resolved", command("registerTypingPreviewInput", Js.obj("input", asArray)).state);
        String bad = "rejected:\"" + Texts.BAD_PREVIEW_INPUT + "\"";
        assertEquals(bad, command("registerTypingPreviewInput", Js.obj("input", Js.obj("type", "checkbox"))).toString());
        assertEquals(bad, command("registerTypingPreviewInput", Js.obj()).toString());
        assertEquals(bad, command("registerTypingPreviewInput", Js.obj("input", "#id")).toString());
        assertEquals("object", Commands.typeOf(jquery));
    }

    @Test
    void typingWithoutASessionIsRefused() {
        Outcome ended = command("endChat");
        transport.last("end").reply.ok(Values.undefined());
        tab.loop.runDue();
        assertEquals("resolved:{}", ended.toString());
        assertEquals("rejected:\"" + TransportTexts.NO_ACTIVE_SESSION + "\"", command("sendTyping", Js.obj()).toString());
    }

    /** A text input as page code sees it: a value, and the listeners added and removed, by event name. */
    private static final class FakeInput {
        final Value element = Js.obj("type", "textarea", "value", "");
        final java.util.Map<String, java.util.List<Value>> listeners = new java.util.HashMap<>();

        FakeInput() {
            element.set("addEventListener", Values.function((self, args) -> {
                listeners.computeIfAbsent(args[0].str(), k -> new java.util.ArrayList<>()).add(args[1]);
                return Values.undefined();
            }));
            element.set("removeEventListener", Values.function((self, args) -> {
                listeners.getOrDefault(args[0].str(), new java.util.ArrayList<>()).remove(args[1]);
                return Values.undefined();
            }));
        }

        /** The customer types: the value changes and an input event fires. */
        void type(String value) {
            element.set("value", value);
            for (Value l : List.copyOf(listeners.getOrDefault("input", List.of()))) {
                l.call(element, Js.obj("type", "input"));
            }
        }
    }

    @Test
    void theRegisteredInputIsWatchedAsTheDocumentationSays() { // issue 13 item 5
        // given a registered input
        FakeInput input = new FakeInput();
        assertEquals("resolved", command("registerTypingPreviewInput", Js.obj("input", input.element)).state);
        // when the customer types in it
        input.type("H");
        tab.loop.runDue();
        // then typing started with its text, once per burst
        assertEquals(1, transport.count("typingStarted"));
        assertEquals("H", transport.last("typingStarted").args[0].str());
        assertEquals(List.of("clientTypingStarted"), takeEvents());
        tab.loop.advance(1500);
        input.type("Hi");
        tab.loop.advance(1999);
        assertEquals(1, transport.count("typingStarted"));
        assertEquals(0, transport.count("typingStopped"), "each edit starts the idle count over");
        tab.loop.advance(1);
        assertEquals(1, transport.count("typingStopped"));
        assertEquals("Hi", transport.last("typingStopped").args[0].str());
        // and emptying the input ends a burst at once
        input.type("Hi again");
        input.type("");
        tab.loop.runDue();
        assertEquals(2, transport.count("typingStarted"));
        assertEquals(2, transport.count("typingStopped"));
    }

    @Test
    void aNewInputReplacesTheWatchedOneAndNothingIsSentWithoutAChat() {
        FakeInput first = new FakeInput();
        FakeInput second = new FakeInput();
        command("registerTypingPreviewInput", Js.obj("input", first.element));
        command("registerTypingPreviewInput", Js.obj("input", second.element));
        assertEquals(List.of(), first.listeners.get("input"), "the first is no longer watched");
        first.type("old");
        tab.loop.runDue();
        assertEquals(0, transport.count("typingStarted"));
        // when the chat is over, edits send nothing
        command("endChat");
        transport.last("end").reply.ok(Values.undefined());
        tab.loop.runDue();
        second.type("after the end");
        tab.loop.runDue();
        assertEquals(0, transport.count("typingStarted"));
    }

    @Test
    void theWebChatUisInputIsReadNotWatched() { // it sends its own sendTyping with the text it wants shown
        FakeInput input = new FakeInput();
        Value ui = Js.call(cxbus, "registerPlugin", "WebChat");
        Js.call(ui, "command", "WebChatService.registerTypingPreviewInput", Js.obj("input", input.element));
        tab.loop.runDue();
        assertEquals(null, input.listeners.get("input"));
        input.type("Still there?");
        tab.loop.runDue();
        assertEquals(0, transport.count("typingStarted"));
        Js.call(ui, "command", "WebChatService.sendTyping", Js.obj());
        tab.loop.runDue();
        assertEquals("Still there?", transport.last("typingStarted").args[0].str(), "the preview is still read");
    }
}
