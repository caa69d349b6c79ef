package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
