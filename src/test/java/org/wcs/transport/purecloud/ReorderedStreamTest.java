package org.wcs.transport.purecloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wcs.value.Value;

/**
 * Stream events that arrive out of the server's order (Client checklist 13.7: order by timestamp), to the
 * millisecond on the virtual clock: each waits {@link Inbox#REORDER_MS} for older ones, then the queue goes out in
 * the server's order, typing indicators in their place between the messages.
 */
class ReorderedStreamTest extends ChatWithAlice {

    @BeforeEach
    void chatting() {
        alice.says("Hello Ada");
        p.loop.advance(10 + Inbox.REORDER_MS);
        p.take();
    }

    /** The texts of the messages in the recorded {@code messageReceived} events, one list per event. */
    private List<List<String>> batches() {
        List<List<String>> out = new ArrayList<>();
        List<String> names = p.names();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals("messageReceived")) {
                Value items = p.data.get(i).get("messages");
                List<String> texts = new ArrayList<>();
                for (int j = 0; j < items.length(); j++) {
                    texts.add(items.at(j).get("text").str());
                }
                out.add(texts);
            }
        }
        return out;
    }

    @Test
    void aMessageInOrderWaitsOutTheWindowAndNoMore() {
        // when
        alice.says("Anything else?");
        // then
        p.loop.advance(Inbox.REORDER_MS - 1);
        assertEquals(List.of(), p.names());
        p.loop.advance(1);
        assertEquals(List.of(List.of("Anything else?")), batches());
    }

    @Test
    void twoMessagesWhoseEventsArriveSwappedAreShownInTheServersOrder() {
        // given the stream delivers the next two message events second first
        p.server.reorderNextMessages(2);
        // when
        alice.says("during 1");
        alice.says("during 2");
        p.loop.advance(Inbox.REORDER_MS - 1);
        assertEquals(List.of(), p.names());
        p.loop.advance(1);
        // then one batch, in the server's order, and the page's transcript is the server's
        assertEquals(List.of(List.of("during 1", "during 2")), batches());
        assertEquals(ChatPage.expectedIds(c, false, false), p.transcriptIds());
        String newest = c.transcript().get(c.transcript().size() - 1).path("id").asText();
        assertEquals(newest, p.cookies.get(ChatPage.COOKIE + "LastMsgId"), "the catch-up cursor is the newest");
    }

    @Test
    void aTypingIndicatorKeepsItsPlaceBetweenMessages() {
        // given the stream delivers "one" after the typing indicator and the message that followed it
        p.server.reorderNextMessages(2);
        alice.says("one");
        alice.types();
        alice.says("two");
        // when the window passes
        p.loop.advance(Inbox.REORDER_MS);
        // then "one" comes before the typing it preceded, which "two" then ends
        assertEquals(List.of("messageReceived", "agentTypingStarted", "agentTypingStopped", "messageReceived"),
                p.names());
        assertEquals(List.of(List.of("one"), List.of("two")), batches());
    }

    @Test
    void anEventOlderThanOneAlreadyShownGoesAtOnce() {
        // given the stream holds "late" back until after the next message was shown
        p.server.reorderNextMessages(1);
        JsonNode late = alice.says("late");
        alice.says("early");
        p.loop.advance(Inbox.REORDER_MS);
        assertEquals(List.of(List.of("early")), batches());
        p.take();
        // when "late" arrives
        p.server.broadcastRaw("{\"topicName\":\"v2.conversations.chats." + c.id + ".messages\",\"version\":\"2\","
                + "\"eventBody\":" + late + ",\"metadata\":{\"type\":\"message\"}}");
        p.loop.runDue();
        // then waiting would not put it back in its place: it is shown at once, once
        assertEquals(List.of(List.of("late")), batches());
        p.loop.advance(Inbox.REORDER_MS);
        assertEquals(List.of(List.of("late")), batches());
    }
}
