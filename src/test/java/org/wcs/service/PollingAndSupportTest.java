package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.tabs.SharedTabs;
import org.wcs.transport.Reply;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/** Polling commands and the "This transport doesn't support ..." answers (spec D.2, D.4.3; G39). */
class PollingAndSupportTest extends ServiceFixture {

    @Test
    void pollFromAnotherPluginIsDeniedAndSendsNothing() { // G39, deviation: nothing is sent
        startChat();
        assertEquals("rejected:\"" + Texts.ACCESS_DENIED + "\"", command("poll").toString());
        assertEquals(0, transport.count("poll"));
        Js.call(tab.page.window().get("CXBus"), "command", "WebChatService.poll");
        service.plugin.command("poll", Values.object());
        tab.loop.runDue();
        assertEquals(1, transport.count("poll"), "only our own poll");
    }

    @Test
    void startAndPausePollNeedASession() {
        String none = "rejected:\"" + TransportTexts.NO_ACTIVE_SESSION + "\"";
        assertEquals(none, command("startPoll").toString());
        assertEquals(none, command("pausePoll").toString());
        startChat();
        command("startPoll");
        command("stopPoll");
        command("resetPollExceptions");
        assertEquals(1, transport.count("startPoll"));
        assertEquals(1, transport.count("stopPoll"));
        assertEquals(1, transport.count("resetPollExceptions"));
    }

    /** A transport that implements only what every back end must. */
    static final class Minimal implements Transport {
        @Override
        public void start(Value request, Reply reply) {
        }

        @Override
        public void send(String text, String type, String parentMessageId, Reply reply) {
        }

        @Override
        public void typing(boolean started, String preview, Reply reply) {
        }

        @Override
        public void end(Reply reply) {
        }

        @Override
        public void restore(Value sessionData, Reply reply) {
        }

        @Override
        public Value sessionData() {
            return Values.object();
        }
    }

    @Test
    void whatATransportLacksIsRejectedWithTheOriginalTexts() {
        JvmPlatform t = new JvmPlatform();
        t.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat", Js.obj("x", 1))));
        WebChatService s = Launcher.start(t.platform, ctx -> new Minimal(), new SharedTabs());
        t.loop.runDue();
        s.state = Lifecycle.ACTIVE;
        Value p = Js.call(t.page.window().get("CXBus"), "registerPlugin", "P");
        String[][] rows = {
            {"getFileLimits", TransportTexts.NO_FILE_LIMITS},
            {"sendCustomNotice", TransportTexts.NO_CUSTOM_NOTICE},
            {"downloadFile", TransportTexts.NO_FILE_DOWNLOAD},
            {"resetPollExceptions", TransportTexts.NO_RESET_POLL_EXCEPTIONS},
            {"startPoll", TransportTexts.NO_POLLING},
            {"stopPoll", TransportTexts.NO_POLLING},
            {"pausePoll", TransportTexts.NO_POLLING},
            {"updateUserData", TransportTexts.NO_USER_DATA_UPDATE},
            {"updateInteractionData", TransportTexts.NO_INTERACTION_DATA_UPDATE},
            {"sendFile", TransportTexts.NO_FILE_UPLOAD},
        };
        for (String[] row : rows) {
            Value data = Js.obj("fileId", "F", "message", "m", "files", Js.obj("files", Js.arr(Js.obj())));
            Value promise = Js.call(p, "command", "WebChatService." + row[0], data);
            String[] seen = new String[1];
            Js.call(promise, "fail", Js.fn(v -> seen[0] = v.str()));
            t.loop.runDue();
            assertEquals(row[1], seen[0], row[0]);
        }
    }

    @Test
    void aNoticeOnABackEndWithoutNoticesIsRejectedAsUnsupportedWithoutAChatToo() {
        // the original checks the transport before the session (DifferentialIT, Genesys Cloud and v3)
        JvmPlatform t = new JvmPlatform();
        t.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat", Js.obj("x", 1))));
        Launcher.start(t.platform, ctx -> new Minimal(), new SharedTabs());
        t.loop.runDue();
        Value p = Js.call(t.page.window().get("CXBus"), "registerPlugin", "P");
        Value promise = Js.call(p, "command", "WebChatService.sendCustomNotice", Js.obj("message", "m"));
        String[] seen = new String[1];
        Js.call(promise, "fail", Js.fn(v -> seen[0] = v.str()));
        t.loop.runDue();
        assertEquals(TransportTexts.NO_CUSTOM_NOTICE, seen[0]);
    }
}
