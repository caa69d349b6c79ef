package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gets a clear answer: every WebChatService command, given every kind of odd value a page can pass (wrong
 * types, NaN, BigInt, functions, symbols, circular objects, objects whose every property read throws), settles,
 * before a chat and during one, and nothing escapes to the page as an uncaught error.
 */
class HostileInputIT extends InBrowser {
    private static final String COMMANDS = "['configure', 'startChat', 'sendMessage', 'sendCustomNotice',"
            + " 'sendTyping', 'sendFilteredMessage', 'addPrefilter', 'updateUserData', 'updateInteractionData', 'poll',"
            + " 'startPoll', 'stopPoll', 'pausePoll', 'resetPollExceptions', 'restore', 'asyncRestore',"
            + " 'getTranscript', 'getAgents', 'getStats', 'sendFile', 'downloadFile', 'getFileLimits',"
            + " 'getSessionData', 'fetchHistory', 'registerTypingPreviewInput', 'registerPreProcessor',"
            + " 'verifySession', 'sleep', 'wake', 'endChat']";

    /** Runs every command with every odd value; returns the calls that did not settle within 5 s. */
    static Object hammer() {
        return run("var circular = {}; circular.self = circular; circular.message = circular;"
                + " var trap = new Proxy({}, { get: function () { throw new Error('trap'); },"
                + "   has: function () { throw new Error('trap'); }, ownKeys: function () { throw new Error('trap'); },"
                + "   getOwnPropertyDescriptor: function () { throw new Error('trap'); } });"
                + " var odd = [undefined, null, 0, NaN, -1, 1e308, '', 'x', true, [], [[]], {}, function () {},"
                + "   Symbol('s'), 10n, circular, trap, {message: trap}, {message: 10n}, {message: circular},"
                + "   {form: trap, userData: trap}, {filters: [trap]}, {input: trap}, {preprocessor: trap},"
                + "   {file: trap}, {fileId: trap}, {message: {toString: function () { throw new Error('str'); }}}];"
                + " var bus = window._genesys.widgets.bus.registerPlugin('Hostile' + Math.random());"
                + " var stuck = [];"
                + " for (var c of " + COMMANDS + ") {"
                + "   for (var i = 0; i < odd.length; i++) {"
                + "     var settled = await new Promise(function (ok) {"
                + "       var timer = setTimeout(function () { ok(false); }, 5000);"
                + "       try {"
                + "         bus.command('WebChatService.' + c, odd[i]).always(function () { clearTimeout(timer); ok(true); });"
                + "       } catch (e) { clearTimeout(timer); ok('threw ' + e); }"
                + "     });"
                + "     if (settled !== true) stuck.push(c + '#' + i + ' ' + settled);"
                + "   }"
                + " }"
                + " return stuck.join(', ');");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gms-chat", "cometd-chat", "purecloud-chat", "nexus-async"})
    void everyCommandSettlesWithoutAChatAndDuringOne(String page) {
        // given the plugin on a page of this back end, watching for anything uncaught
        open("/test/" + page + ".html");
        browser.js("window.uncaught = []; window.addEventListener('error', function (e) {"
                + " window.uncaught.push(String(e.message)); }); window.addEventListener('unhandledrejection',"
                + " function (e) { window.uncaught.push('rejection ' + e.reason); });");
        browser.waitFor("window.seen.indexOf('ready') >= 0");
        // when every command gets every odd value before a chat
        assertEquals("", hammer());
        // and again during a chat
        assertEquals("started", run("return await new Promise(function (ok) { window._genesys.widgets.bus"
                + ".registerPlugin('Starter').command('WebChatService.startChat', {nickname: 'Ada', form: {firstname: 'Ada'}})"
                + ".done(function () { ok('started'); }).fail(function (e) { ok('failed ' + JSON.stringify(e)); });"
                + " });"));
        assertEquals("", hammer());
        // then nothing escaped to the page
        assertEquals(List.of(), browser.js("return window.uncaught"));
        // (the emulator refusing odd starts with 400 is logged by the browser as a failed load: that is fine)
        assertEquals(List.of(), browser.severeConsoleLines().stream()
                .filter(l -> !l.contains("Failed to load resource: the server responded with a status of 4")).toList());
    }
}
