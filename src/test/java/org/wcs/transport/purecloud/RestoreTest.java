package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.platform.HttpRequest;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.Participant;
import org.wcs.service.TestPage.Outcome;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;

/** A chat survives a page load (Client checklist 13.11, spec 7.6, 8.2), with the original's outcomes and texts. */
class RestoreTest extends ChatWithAlice {

    @BeforeEach
    void chatting() {
        alice.says("Hello Ada");
        p.settle("sendMessage", Js.obj("message", "Hello Alice"));
        p.loop.advance(10);
    }

    private static List<String> paths(List<HttpRequest> requests, Conversation c) {
        List<String> out = new ArrayList<>();
        for (HttpRequest r : requests) {
            out.add(r.method + " " + r.url.substring(r.url.indexOf("/conversations/") + 15 + c.id.length()));
        }
        return out;
    }

    @Test
    void theNextPageRestoresByItselfAndShowsTheHistoryOnce() {
        // when the page is loaded again
        ChatPage next = p.reload(p.config());
        next.untilEvent("messageReceived");
        // then: capabilities, own state, the same stream, restored, then one restoring batch, oldest first
        assertEquals(List.of("ready", "capabilitiesChanged", "restored", "clientConnected", "agentConnected",
                "messageReceived"), next.names());
        assertEquals("{\"async\":false,\"asyncClose\":\"hideChat\",\"pagination\":true,\"fileUpload\":false}",
                Js.json(next.last("capabilitiesChanged")));
        assertEquals(List.of("GET /members/" + c.guest().id, "GET /messages?sortOrder=descending&maxResults=100",
                "GET /members"), paths(next.sent, c));
        assertEquals(2, c.attachments());
        Value batch = next.last("messageReceived");
        assertTrue(batch.get("restoring").truthy());
        for (int i = 0; i < batch.get("messages").length(); i++) {
            assertTrue(batch.get("messages").at(i).get("restoring").truthy());
        }
        assertEquals(ChatPage.expectedIds(c, true, false), next.transcriptIds());
        assertEquals("{\"name\":\"Ada Lovelace\",\"type\":\"Client\"}",
                Js.json(batch.get("messages").at(0).get("from")).replace("\"id\":\"" + c.guest().id + "\",", ""));
        // a join read from a page has no text, as the original's (issue 13 item 4)
        assertEquals("{type:string,restoring:boolean,index:number,timestamp:number,id:string,"
                + "from:{id:string,name:string,type:string}}", Js.shape(batch.get("messages").at(0)));
        // and the chat goes on
        alice.says("Welcome back");
        next.untilEvent("messageReceived");
        next.take();
        next.settle("sendMessage", Js.obj("message", "Thanks"));
        next.loop.advance(10 + Inbox.REORDER_MS);
        assertEquals(ChatPage.expectedIds(c, true, false), next.transcriptIds());
        assertEquals("resolved:{\"sessionActive\":true}", next.settle("verifySession", null).toString());
    }

    @Test
    void membersBeyondTheFirstPageOfTheListAreKnownAfterTheRestore() {
        // given a chat that went through many agents: the last one is on the member list's second page (25 a page)
        Participant last = null;
        for (int i = 1; i <= 25; i++) {
            last = c.agent("Agent " + i).joins();
            if (i < 25) {
                last.leaves();
            }
        }
        last.says("Still here");
        p.loop.advance(10);
        // when the page is loaded again
        ChatPage next = p.reload(p.config());
        next.untilEvent("messageReceived");
        // then both pages of members were read, and the last agent's message says who sent it
        List<String> sent = paths(next.sent, c);
        assertEquals("GET /members?pageSize=25&pageNumber=2", sent.get(sent.size() - 1), sent.toString());
        Value messages = next.last("messageReceived").get("messages");
        Value said = messages.at(messages.length() - 1);
        assertEquals("Still here", said.get("text").str());
        assertEquals("{\"id\":\"" + last.id() + "\",\"name\":\"Agent 25\",\"type\":\"Agent\"}",
                Js.json(said.get("from")));
    }

    @Test
    void olderPagesComeOnScrollUntilThereAreNoMore() {
        // given five messages in all and pages of two
        alice.says("One more");
        p.loop.advance(10);
        ChatPage next = p.reload(p.config("maxMessagePageSize", 2));
        next.untilEvent("messageReceived");
        List<String> all = ChatPage.expectedIds(c, true, false);
        assertEquals(5, all.size());
        assertEquals(all.subList(3, 5), next.transcriptIds(), "the newest page, oldest first");
        // when the user scrolls up
        Outcome o = next.settle("fetchHistory", null);
        // then the page before, newest first, as history
        assertEquals("resolved", o.state);
        Value older = next.last("messageReceived");
        assertTrue(older.get("oldMessages").truthy());
        assertEquals(all.get(2), older.get("messages").at(0).get("id").str());
        assertEquals(all.get(1), older.get("messages").at(1).get("id").str());
        String cursor = all.get(3);
        assertTrue(next.sent.get(next.sent.size() - 2).url
                .endsWith("/messages?sortOrder=descending&maxResults=2&before=" + cursor));
        assertEquals("resolved", next.settle("fetchHistory", null).state);
        assertEquals(all.get(0), next.last("messageReceived").get("messages").at(0).get("id").str());
        assertEquals("rejected:\"" + TransportTexts.NO_MORE_MESSAGES + "\"", next.settle("fetchHistory", null).toString());
    }

    @Test
    void withoutPaginationEverythingComesAtOnceByFollowingNext() {
        p.server.defaultMaxResults = 2;
        ChatPage next = p.reload(p.config("pagination", false));
        next.untilEvent("messageReceived");
        assertEquals(ChatPage.expectedIds(c, true, false), next.transcriptIds());
        assertEquals(List.of("GET /members/" + c.guest().id, "GET /messages"), paths(next.sent, c).subList(0, 2));
        assertTrue(paths(next.sent, c).get(2).startsWith("GET /messages?after="), "next, appended to dataURL");
        assertEquals(false, next.last("capabilitiesChanged").get("pagination").truthy());
        assertEquals("rejected:\"" + PureCloudTexts.HISTORY_NOT_ENABLED + "\"", next.settle("fetchHistory", null).toString());
    }

    @Test
    void withNoStoredChatRestoreIsRefusedWithoutARequest() {
        ChatPage fresh = ChatPage.loopback();
        fresh.load();
        fresh.loop.runDue();
        assertEquals(List.of("ready", "capabilitiesChanged"), fresh.take(), "no auto-restore without the cookies");
        assertEquals("rejected:\"" + TransportTexts.NOTHING_TO_RESTORE + "\"", fresh.settle("restore", null).toString());
        assertEquals("rejected:\"" + TransportTexts.NOTHING_TO_RESTORE + "\"", fresh.settle("asyncRestore", null).toString());
        assertEquals(List.of("capabilitiesChanged", "capabilitiesChanged"), fresh.names());
        assertEquals(0, fresh.sent.size());
    }

    @Test
    void aChatThatEndedMeanwhileFailsToRestoreAndIsForgotten() {
        c.endByAgent();
        ChatPage next = p.reload(p.config());
        next.untilEvent("restoreFailed");
        assertEquals(List.of("ready", "capabilitiesChanged", "restoreFailed"), next.names());
        assertNull(next.cookies.get(ChatPage.COOKIE + "ConversationID"));
        assertEquals(1, next.sent.size());
        Outcome again = next.settle("restore", null);
        assertEquals("rejected:\"" + TransportTexts.NOTHING_TO_RESTORE + "\"", again.toString());
    }

    @Test
    void theOriginalsRestoreTexts() {
        // the guest is no longer connected (the chat ended while no page was open): forgotten
        p.client.unload();
        c.endByAgent();
        p.loop.runDue();
        ChatPage ended = p.reloadWithoutRestore();
        assertEquals("rejected:\"" + PureCloudTexts.CUSTOMER_DISCONNECTED + "\"", ended.settle("restore", null).toString());
        assertEquals(List.of("capabilitiesChanged", "restoreFailed"), ended.names());
        assertNull(ended.cookies.get(ChatPage.COOKIE + "ConversationID"));
        // the conversation is gone (404): forgotten
        ChatPage gone = restorable();
        gone.server.failNext("GET", "/members/", 404, 1);
        assertEquals("rejected:\"" + PureCloudTexts.NO_CONVERSATION_STATE + "\"", gone.settle("restore", null).toString());
        assertEquals("{\"status\":404}", Js.json(gone.last("restoreFailed")));
        assertNull(gone.cookies.get(ChatPage.COOKIE + "ConversationID"));
        // the server is down (503): the same text, but the session is kept for the next try
        ChatPage down = restorable();
        down.server.failNext("GET", "/members/", 503, 1);
        assertEquals("rejected:\"" + PureCloudTexts.NO_CONVERSATION_STATE + "\"", down.settle("restore", null).toString());
        assertTrue(down.cookies.get(ChatPage.COOKIE + "ConversationID") != null);
        assertEquals("resolved", down.settle("restore", null).state);
    }

    /** A new page on the same server with a stored chat of its own, not restored yet. */
    private ChatPage restorable() {
        ChatPage q = p.reloadWithoutRestore();
        q.start();
        return q.reloadWithoutRestore();
    }

    @Test
    void aStreamThatWillNotOpenFailsTheRestoreButKeepsTheSession() {
        p.server.refuseUpgrades(1);
        ChatPage next = p.reload(p.config());
        next.untilEvent("restoreFailed");
        assertEquals(c.id, next.cookies.get(ChatPage.COOKIE + "ConversationID"));
        assertEquals("resolved:{\"sessionActive\":false}", next.settle("verifySession", null).toString());
        Outcome o = next.settle("restore", null);
        assertEquals("resolved", o.state, "the next try works");
        next.untilEvent("messageReceived");
        assertEquals(ChatPage.expectedIds(c, true, false), next.transcriptIds());
    }

    @Test
    void aLiveMessageDuringTheRestoreIsShownAfterTheHistoryAndOnce() {
        // given the history page is slow, and the agent speaks while it is on its way (the widget's race, Q6)
        p.server.slowNext("GET", "/messages", 500);
        ChatPage next = p.reload(p.config());
        next.untilEvent("restored");
        alice.says("Did you reload?");
        next.loop.advance(1000);
        // then
        assertEquals(ChatPage.expectedIds(c, true, false), next.transcriptIds());
        List<String> n = next.names();
        assertEquals(2, n.stream().filter("messageReceived"::equals).count());
        assertTrue(next.data.get(n.lastIndexOf("messageReceived")).get("restoring").truthy() == false);
    }

    @Test
    void aRestoredStreamThatNeverSaysAnythingIsGivenUpAfterTheHeartbeatInterval() {
        // given a server that sends no heartbeats
        p.server.heartbeats(false);
        ChatPage next = p.reload(p.config());
        next.untilEvent("messageReceived");
        long opened = next.client.opens.get(next.client.opens.size() - 1);
        // when no frame ever comes on the restored socket
        next.loop.advance(opened + 14_000 - 1 - next.loop.now());
        assertFalse(next.names().contains("disconnected"));
        next.loop.advance(1);
        // then it is given up 14 s after it opened (the widget armed its watchdog only at the first frame)
        assertTrue(next.names().contains("disconnected"), "the watchdog starts when the socket opens");
        // and the next socket catches up what was said meanwhile
        alice.says("ping");
        next.loop.advance(1500);
        assertEquals(ChatPage.expectedIds(c, true, false), next.transcriptIds());
    }
}
