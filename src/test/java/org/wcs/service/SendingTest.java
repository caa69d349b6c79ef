package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.ConnectionStatus;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;

/** What the customer sends (spec D.3.3 rows; G38). */
class SendingTest extends ServiceFixture {

    @Override
    Value config() {
        return Js.obj("dataURL", "x", "maxMessageLength", 5);
    }

    @Test
    void sendMessageNeedsASessionAndText() { // G38
        assertEquals("rejected:\"" + TransportTexts.NO_ACTIVE_SESSION + "\"",
                command("sendMessage", Js.obj("message", "hi")).toString());
        startChat();
        String noText = "rejected:\"" + Texts.NO_MESSAGE_TEXT + "\"";
        assertEquals(noText, command("sendMessage", Js.obj("message", "   ")).toString());
        assertEquals(noText, command("sendMessage", Js.obj("message", 5)).toString());
        assertEquals(noText, command("sendMessage", Js.obj()).toString());
        assertNull(transport.last("send"));
    }

    @Test
    void tooLongCountsCodePoints() {
        startChat();
        assertEquals("rejected:\"Message length exceeds configured threshold of (5) characters\"",
                command("sendMessage", Js.obj("message", "123456")).toString());
        command("sendMessage", Js.obj("message", "\uD83D\uDE00\uD83D\uDE00abc"));
        assertEquals("\uD83D\uDE00\uD83D\uDE00abc", transport.last("send").args[0].str(), "5 code points pass");
    }

    @Test
    void sendMessagePassesTypeAndParentAndResolvesWithTheResponse() {
        startChat();
        Outcome o = command("sendMessage", Js.obj("message", "hi", "type", "text", "parentMessageID", "m7"));
        ScriptedCall send = new ScriptedCall(transport.last("send"));
        assertEquals("hi text m7", send.text());
        transport.last("send").reply.ok(Js.obj("statusCode", 0));
        tab.loop.runDue();
        assertEquals("resolved:{\"statusCode\":0}", o.toString());
    }

    @Test
    void whileDisconnectedSendMessageIsKeptAndSentWhenTheConnectionIsBack() { // G38, and our deviation from it
        startChat();
        transport.listener.connection(ConnectionStatus.DISCONNECTED);
        tab.loop.runDue();
        // the original resolved {statusCode: 1} and sent nothing; the message is kept and its command waits
        Outcome kept = command("sendMessage", Js.obj("message", "hi"));
        assertEquals("pending", kept.state);
        assertNull(transport.last("send"));
        transport.listener.connection(ConnectionStatus.ONLINE);
        tab.loop.runDue();
        assertEquals("hi", transport.last("send").args[0].str());
        transport.last("send").reply.ok(Js.obj("statusCode", 0));
        tab.loop.runDue();
        assertEquals("resolved:{\"statusCode\":0}", kept.toString());
    }

    @Test
    void customNoticeGoesToTheTransportDuringAChat() {
        assertEquals("rejected:\"" + TransportTexts.NO_ACTIVE_SESSION + "\"",
                command("sendCustomNotice", Js.obj("message", "bye")).toString());
        startChat();
        command("sendCustomNotice", Js.obj("message", "bye"));
        assertEquals("bye", transport.last("customNotice").args[0].str());
    }

    @Test
    void updateUserDataMergesBeforeAChatAndSendsDuringOne() {
        Outcome before = command("updateUserData", Js.obj("a", "1"));
        assertEquals("resolved:{\"a\":\"1\"}", before.toString());
        command("updateUserData", Js.obj("b", "2"));
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", Js.json(Js.call(page, "data", "WebChatService.userData")));
        assertNull(transport.last("updateUserData"));
        startChat();
        Outcome during = command("updateUserData", Js.obj("c", "3"));
        assertEquals("{\"c\":\"3\"}", Js.json(transport.last("updateUserData").args[0]));
        transport.last("updateUserData").reply.ok(Js.obj("statusCode", 0));
        tab.loop.runDue();
        assertEquals("resolved:{\"statusCode\":0}", during.toString());
    }

    @Test
    void aFormOfTheWrongTypeIsIgnoredAsTheOriginalDid() { // issue 13 item 14: the start goes on, the server answers
        // when
        command("startChat", Js.obj("nickname", "Ada", "form", "Ada"));
        // then
        assertEquals("{\"nickname\":\"Ada\"}", Js.json(transport.last("start").args[0].get("form")));
        transport.last("start").reply.fail(Js.obj("statusCode", 1));
        tab.loop.runDue();
        command("startChat", Js.obj("form", Js.arr("Ada")));
        assertEquals("{}", Js.json(transport.last("start").args[0].get("form")));
    }

    @Test
    void dataThatIsNoObjectIsRefusedAndLeavesTheKeptDataAlone() { // deviation: the original merged anything
        command("updateUserData", Js.obj("a", "1"));
        // (data that is no object at all never gets here: the bus cancels it)
        assertEquals("rejected:\"" + Texts.INVALID_USER_DATA + "\"",
                command("updateUserData", Js.arr("x")).toString());
        assertEquals("rejected:\"" + Texts.INVALID_INTERACTION_DATA + "\"",
                command("updateInteractionData", Js.arr(1)).toString());
        assertEquals("rejected:\"" + Texts.INVALID_INTERACTION_DATA + "\"",
                command("startChat", Js.obj("interactionData", 5)).toString());
        assertEquals("{\"a\":\"1\"}", Js.json(Js.call(page, "data", "WebChatService.userData")));
        assertNull(transport.last("start"));
        // and what is kept is a copy: changing the page's object later changes nothing
        Value mine = Js.obj("b", "2");
        command("updateUserData", mine);
        mine.set("b", "changed");
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", Js.json(Js.call(page, "data", "WebChatService.userData")));
        // a missing object is an empty one
        assertEquals("resolved:{\"a\":\"1\",\"b\":\"2\"}", command("updateUserData").toString());
    }

    @Test
    void updateInteractionDataMergesOrUsesTheTransport() {
        assertEquals("resolved:{\"x\":1}", command("updateInteractionData", Js.obj("x", 1)).toString());
        startChat();
        assertEquals("rejected:\"" + TransportTexts.NO_INTERACTION_DATA_UPDATE + "\"",
                command("updateInteractionData", Js.obj("x", 2)).toString());
    }

    @Test
    void filesNeedASessionAndAFile() { // G50
        Value input = Js.obj("files", Js.arr(Js.obj("name", "a.png", "size", 3)));
        assertEquals("rejected:\"" + TransportTexts.NO_ACTIVE_SESSION + "\"",
                command("sendFile", Js.obj("files", input)).toString());
        startChat();
        command("sendFile", Js.obj("files", input));
        assertEquals("a.png", transport.last("sendFile").args[0].get("name").str());
        assertEquals("rejected:\"" + Texts.NO_FILE + "\"", command("sendFile", Js.obj()).toString());
        command("downloadFile", Js.obj("fileId", "F1", "fileName", "a.png"));
        assertEquals("F1", transport.last("downloadFile").args[0].str());
        command("downloadFile", Js.obj()); // the back end answers: with GMS's text, or its "doesn't support" first
        assertTrue(transport.last("downloadFile").args[0].isNullish());
        command("getFileLimits");
        assertTrue(transport.last("fileLimits") != null);
    }

    /** Reads a recorded send call. */
    private record ScriptedCall(org.wcs.fake.ScriptedTransport.Call call) {
        String text() {
            return call.args[0].str() + " " + call.args[1].str() + " " + call.args[2].str();
        }
    }
}
