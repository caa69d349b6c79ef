package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compiled service runs a short chat in Chromium, on the scripted transport built into the test bundle. */
class ServiceInBrowserIT extends InBrowser {

    @Test
    void aShortChatThroughTheBus() {
        browser.driver.get(sandbox.url() + "/test/fake-chat.html");
        Object result = browser.async("var done = arguments[0];"
                + "widget.command('WebChatService.startChat', { nickname: 'Ada' }).done(function (r) {"
                + "  fakeBackend.agentJoins('Alice'); fakeBackend.agentTypes('Alice'); fakeBackend.agentSays('Hi Ada');"
                + "  widget.command('WebChatService.sendTyping').done(function () {"
                + "    widget.command('WebChatService.sendMessage', { message: 'Hello <b>Alice</b>' }).done(function () {"
                + "      setTimeout(function () { widget.command('WebChatService.endChat').done(function () {"
                + "        setTimeout(function () { done(JSON.stringify({ seen: window.seen,"
                + "          calls: fakeBackend.calls() })); }, 50); }); }, 50); }); }); });");
        assertEquals("{\"seen\":[\"started\",\"agentConnected\",\"messageReceived:Agent/ParticipantJoined/\","
                + "\"agentTypingStarted\",\"messageReceived:Agent/TypingStarted/\",\"agentTypingStopped\","
                + "\"messageReceived:Agent/Message/Hi Ada\",\"clientTypingStarted\",\"clientTypingStopped\","
                + "\"messageReceived:Client/Message/Hello <b>Alice</b>\",\"supervisorDisconnected\","
                + "\"agentDisconnected\",\"clientDisconnected\",\"ended\"],"
                + "\"calls\":[\"start\",\"typingStarted\",\"send\",\"end\"]}", result);
        assertEquals(List.of(), browser.severeConsoleLines());
    }

    /**
     * The browser edge's guard (issue 12): a fault of ours in any callback the browser makes into Java never reaches
     * the page as an uncaught error; it is logged and published as {@code error} with {@code InternalError}.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http", "timer", "socket", "function"})
    void aFaultOfOursInABrowserCallbackIsAnErrorEventNotAnUncaughtError(String where) {
        browser.driver.get(sandbox.url() + "/test/fake-chat.html");
        Object result = browser.async("var done = arguments[0], uncaught = [], errors = [];"
                + "window.addEventListener('error', function (e) { uncaught.push(String(e.message)); });"
                + "widget.subscribe('WebChatService.error', function (e) {"
                + "  errors.push(e.data.errorReason + ': ' + e.data.message); });"
                + "fakeBackend.faultIn('" + where + "');"
                + "var answer = window.faultyFunction ? String(window.faultyFunction()) : 'none';"
                + "setTimeout(function () { done(JSON.stringify({ uncaught: uncaught, errors: errors,"
                + "  answer: answer })); }, 1500);");
        assertEquals("{\"uncaught\":[],\"errors\":[\"InternalError: deliberate fault in " + where + "\"],"
                + "\"answer\":\"" + (where.equals("function") ? "undefined" : "none") + "\"}", result);
        browser.severeConsoleLines(); // the refused socket's own console line is the browser's, not a test's concern
    }
}
