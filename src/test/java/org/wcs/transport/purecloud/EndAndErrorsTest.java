package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.platform.HttpRequest;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.Participant;
import org.wcs.service.TestPage.Outcome;
import org.wcs.service.Texts;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;

/**
 * Ending a chat (Client checklist 13.12), errors as the UI reads them (13.13, quirk Q8), 429 with Retry-After, and
 * the commands this back end does not support (13.14, spec 8.8).
 */
class EndAndErrorsTest extends ChatWithAlice {

    @BeforeEach
    void chatting() {
        p.loop.advance(10 + Inbox.REORDER_MS);
        p.take();
    }

    @Test
    void endChatLeavesClosesTheSocketAndForgetsTheSession() {
        // when
        Outcome o = p.settle("endChat", null);
        // then
        assertEquals("resolved:{}", o.toString());
        HttpRequest leave = p.sent.get(p.sent.size() - 1);
        assertEquals("DELETE", leave.method);
        assertTrue(leave.url.endsWith("/members/" + c.guest().id));
        assertEquals("application/json; charset=utf-8", leave.header("Content-Type"));
        assertEquals(12_000, leave.timeoutMs);
        assertEquals(List.of("supervisorDisconnected", "agentDisconnected", "clientDisconnected", "ended"), p.take());
        assertEquals("DISCONNECTED", c.guest().state);
        assertNull(p.cookies.get(ChatPage.COOKIE + "ConversationID"));
        assertNull(p.cookies.get(ChatPage.COOKIE + "JWtoken"));
        p.loop.runDue();
        assertEquals(0, c.sockets(), "closed by the page at once, not by the server's grace");
        int requests = p.sent.size();
        p.loop.advance(60_000);
        assertEquals(requests, p.sent.size());
        assertEquals(List.of(), p.take(), "the server's leave events after the end are not shown");
        // and a new chat can start
        Conversation next = p.start();
        assertTrue(next != c);
    }

    @Test
    void sendingAfterTheEndIsRefusedWithTheOriginalsTexts() {
        // as the original's Genesys Cloud service words it (DifferentialIT): a missing text said first
        p.settle("endChat", null);
        assertEquals(TransportTexts.NO_ACTIVE_SESSION_DOT, reason("sendMessage", Js.obj("message", "hi")));
        assertEquals(Texts.NO_MESSAGE_TEXT, reason("sendMessage", Js.obj("message", 5)));
        assertEquals(PureCloudTexts.TYPING_WITHOUT_CHAT, reason("sendTyping", Js.obj()));
        assertEquals(TransportTexts.NO_FILE_UPLOAD, reason("sendFile", Js.obj()));
        assertEquals(TransportTexts.NO_CUSTOM_NOTICE, reason("sendCustomNotice", Js.obj("message", "x")));
    }

    @Test
    void anEndedChatReportsNoSessionNoAgentsAndNoStatistics() { // issue 13 item 12: as the original
        // given Alice is in the chat
        assertTrue(p.settle("getSessionData", null).value.get("jwt").isString());
        // when it ends
        p.settle("endChat", null);
        // then
        assertEquals(0, p.settle("getSessionData", null).value.keys().length, "no key left, not even undefined ones");
        assertEquals("resolved:{\"agents\":{}}", p.settle("getAgents", null).toString());
        assertEquals("resolved:{\"agents\":{},\"startTime\":false,\"endTime\":false,\"duration\":false}",
                p.settle("getStats", null).toString());
    }

    @Test
    void aFailedLeaveStillEndsLocallyAndSaysWhy() {
        p.server.failNext("DELETE", "/members/", 500, 1);
        Outcome o = p.settle("endChat", null);
        assertEquals("rejected:{\"code\":500,\"message\":\"\"}", o.toString());
        assertEquals(List.of("error", "supervisorDisconnected", "agentDisconnected", "clientDisconnected", "ended"),
                p.take());
        assertNull(p.cookies.get(ChatPage.COOKIE + "ConversationID"));
    }

    @Test
    void aFailedSendRejectsWithMessageFailed() {
        p.server.failNext("POST", "/messages", 500, 1);
        Outcome o = p.settle("sendMessage", Js.obj("message", "Hello?"));
        assertEquals("rejected", o.state);
        assertEquals("MessageFailed", o.value.get("code").str());
        Value error = p.last("error");
        assertEquals(1, error.get("errors").length());
        assertEquals("MessageFailed", error.get("errors").at(0).get("code").str());
        assertEquals(500.0, error.get("errors").at(0).get("response").get("status").num(),
                "the UI's critical-fault flow reads response.status");
    }

    @Test
    void errorCodesComeFromTheErrorBodysStatus() {
        p.server.answerNext("GET", "/members/", 400, "{\"status\":409,\"code\":\"conflict\",\"message\":\"no\"}");
        Participant bob = c.agent("Bob");
        bob.joins();
        p.loop.advance(10 + Inbox.REORDER_MS);
        assertEquals("purecloud-v2-sockets-409", p.last("error").get("errors").at(0).get("code").str());
        p.server.answerNext("GET", "/members/", 502, "<html>Bad gateway</html>");
        c.agent("Carol").joins();
        p.loop.advance(10);
        Value error = p.last("error").get("errors").at(0);
        assertEquals("purecloud-v2-sockets-502", error.get("code").str(), "no JSON body: the HTTP status");
        assertEquals(502.0, error.get("response").get("status").num());
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        // given the send is refused twice with Retry-After: 2
        p.server.rateLimitNext("POST", "/messages", 2, 2);
        int before = p.sent.size();
        double t0 = p.loop.now();
        Outcome o = p.command("sendMessage", Js.obj("message", "Patience"));
        // when
        p.loop.advance(3999);
        assertEquals("pending", o.state);
        p.loop.advance(1);
        // then the third try, at 4 s, is sent, taken, and shown once
        assertEquals("resolved", o.state);
        assertEquals(t0 + 4000, p.loop.now());
        assertEquals(3, p.sent.size() - before);
        p.loop.advance(Inbox.REORDER_MS);
        assertEquals(ChatPage.expectedIds(c, false, false), p.transcriptIds());
    }

    @Test
    void tooManyRequestsForeverGivesUp() {
        p.server.rateLimitNext("POST", "/messages", 1, 10);
        Outcome o = p.settle("sendMessage", Js.obj("message", "Patience"));
        assertEquals("MessageFailed", o.value.get("code").str());
        assertEquals(429.0, o.value.get("response").get("status").num());
        assertEquals(1 + Call.RETRIES, p.server.received().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/messages")).count());
    }

    @Test
    void typingFailuresRejectQuietly() {
        p.server.emptyNext("POST", "/typing");
        Outcome o = p.settle("sendTyping", Js.obj());
        assertEquals("rejected:\"" + PureCloudTexts.NO_TYPING_DATA + "\"", o.toString());
        p.loop.advance(2000);
        p.server.failNext("POST", "/typing", 500, 1);
        o = p.settle("sendTyping", Js.obj());
        assertEquals("rejected:\"" + PureCloudTexts.NO_TYPING_DATA + "\"", o.toString());
        assertTrue(!p.names().contains("error"), "typing failures publish no error, as in the widget");
    }

    @Test
    void unsupportedCommandsAreRejectedWithTheOriginalsTexts() {
        int requests = p.sent.size();
        assertEquals(TransportTexts.NO_FILE_UPLOAD, reason("sendFile", Js.obj("files", Js.obj("files", Js.arr(Js.obj())))));
        assertEquals(TransportTexts.NO_CUSTOM_NOTICE, reason("sendCustomNotice", Js.obj("message", "x")));
        assertEquals(TransportTexts.NO_POLLING, reason("startPoll", null));
        assertEquals(TransportTexts.NO_POLLING, reason("stopPoll", null));
        assertEquals(TransportTexts.NO_POLLING, reason("pausePoll", null));
        assertEquals(Texts.ACCESS_DENIED, reason("poll", null));
        assertEquals(TransportTexts.NO_RESET_POLL_EXCEPTIONS, reason("resetPollExceptions", null));
        assertEquals(TransportTexts.NO_FILE_LIMITS, reason("getFileLimits", null));
        assertEquals(TransportTexts.NO_FILE_DOWNLOAD, reason("downloadFile", Js.obj("fileId", "f1")));
        assertEquals(TransportTexts.NO_FILE_DOWNLOAD, reason("downloadFile", null), "without a file id too (issue 13)");
        assertEquals(TransportTexts.NO_USER_DATA_UPDATE, reason("updateUserData", Js.obj("a", 1)));
        assertEquals(TransportTexts.NO_INTERACTION_DATA_UPDATE, reason("updateInteractionData", Js.obj("a", 1)));
        assertEquals(Texts.RESTORE_WHILE_ACTIVE, reason("restore", null));
        assertEquals(requests, p.sent.size(), "nothing reached the server");
    }

    private String reason(String command, Object data) {
        Outcome o = p.settle(command, data);
        assertEquals("rejected", o.state, command);
        return o.value.str();
    }
}
