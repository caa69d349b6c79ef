package org.wcs.transport.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.service.Events;
import org.wcs.service.TestPage.Outcome;
import org.wcs.value.Value;

/**
 * Normalization (spec 6), ordering and de-duplication (3.6), token decoding (3.5) and robustness against what a
 * server should not send, on the transport alone with canned answers.
 */
class NexusConversionTest {

    @Test
    void wireMessagesBecomeWhatThePageReads() {
        // given
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.read("[{\"index\":\"1714650000000-0\",\"type\":\"ParticipantJoined\",\"utcTime\":1714650000000,"
                + "\"from\":{\"nickname\":\"Ada\",\"type\":\"Customer\",\"participantId\":\"P1\"}},"
                + "{\"index\":\"1714650015000-0\",\"type\":\"Text\",\"utcTime\":1714650015000,\"text\":\"Hello Ada\","
                + "\"from\":{\"nickname\":\"Grace\",\"type\":\"Agent\",\"participantId\":\"A1\"},\"custom\":7},"
                + "{\"index\":\"1714650016000-0\",\"type\":\"PushUrl\",\"utcTime\":1714650016000,"
                + "\"url\":\"https://x.test/p\",\"from\":{\"firstName\":\"Sue\",\"type\":\"Supervisor\","
                + "\"participantId\":\"S9\"}}]");
        // when
        n.start(CannedNexus.token(CannedNexus.CLAIMS));
        // then
        Value batch = n.batches().get(0);
        assertEquals("{\"index\":\"17146500000000\",\"type\":\"ParticipantJoined\",\"utcTime\":1714650000000,"
                + "\"from\":{\"name\":\"Ada\",\"type\":\"Client\",\"participantId\":\"P1\",\"id\":\"P1\"},"
                + "\"iTempIndex\":\"17146500000000\",\"timestamp\":1714650000000}", Js.json(batch.at(0)));
        assertEquals("{\"index\":\"17146500150000\",\"type\":\"Message\",\"utcTime\":1714650015000,"
                + "\"text\":\"Hello Ada\",\"from\":{\"name\":\"Grace\",\"type\":\"Agent\",\"participantId\":\"A1\","
                + "\"id\":\"A1\"},\"custom\":7,\"iTempIndex\":\"17146500150000\",\"timestamp\":1714650015000}",
                Js.json(batch.at(1)), "issue 13 item 4: the original's keys, iTempIndex included");
        Value push = batch.at(2);
        assertEquals("https://x.test/p", push.get("text").str(), "PushUrl: the url is the text");
        assertEquals("Sue", push.get("from").get("name").str(), "firstName when there is no nickname");
        // originals are the wire objects, their sender rewritten as the original did
        Value originals = n.args.get(n.calls.indexOf("messages"))[1];
        assertEquals("{\"index\":\"1714650000000-0\",\"type\":\"ParticipantJoined\",\"utcTime\":1714650000000,"
                + "\"from\":{\"nickname\":\"Ada\",\"type\":\"Client\",\"participantId\":\"P1\",\"name\":\"Ada\","
                + "\"id\":\"P1\"}}", Js.json(originals.at(0)));
    }

    @Test
    void liveReadsKeepTheServersOrderAndNothingIsPublishedTwice() {
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.read("[" + msg("3") + "," + msg("1") + "," + msg("2") + "]");
        n.start(CannedNexus.token(CannedNexus.CLAIMS));
        n.read("[" + msg("2") + "," + msg("3") + "," + msg("4") + "," + msg("4") + "]");
        n.tab.loop.advance(3000);
        assertEquals("3,1,2|4", n.indexes());
    }

    private static String msg(String index) {
        return "{\"index\":\"" + index + "\",\"type\":\"Text\",\"utcTime\":1,\"text\":\"t" + index + "\","
                + "\"from\":{\"nickname\":\"G\",\"type\":\"Agent\",\"participantId\":\"A\"}}";
    }

    @Test
    void pagesAreSortedNumericallyEvenPastTwoToThe53() {
        // given a stored session (non-async: the keys cookie) and a restore page out of order
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.tab.cookies.set("_genesys.widgets.webchat.state.pureengage-v3-rest.keys",
                CannedNexus.token(CannedNexus.CLAIMS), "");
        n.tab.cookies.set("_genesys.widgets.webchat.state.pureengage-v3-rest.session", "S1", "");
        n.read("[" + msg("90071992547409930-1") + "," + msg("9007199254740993-0") + ","
                + msg("90071992547409930-0") + "," + msg("10-9") + "]");
        n.read("[]");
        // when
        CannedNexus.Outcome o = new CannedNexus.Outcome();
        n.transport.asyncRestore(o);
        n.tab.loop.runDue();
        // then
        assertEquals("resolved", o.state);
        assertEquals("109,90071992547409930,900719925474099300,900719925474099301", n.indexes());
        assertTrue(n.requests.get(0).url.endsWith("/S1/messages?count=10000&operationId="
                + "44444444-4444-4444-4444-444444444444"), n.requests.get(0).url);
        assertEquals(List.of("capabilities", "report " + Events.RESTORED, "messages", "report "
                + Events.POLLING_STARTED), n.calls);
        assertEquals("{\"async\":false}", Js.json(n.args.get(1)[0]));
        assertTrue(n.args.get(2)[2].truthy(), "restoring: true (quirk 17)");
    }

    @Test
    void oddItemsAreSkippedOrToleratedNeverThrown() {
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.read("[5, null, {\"type\":\"Text\"}, {\"index\":7,\"type\":\"Notice\",\"text\":\"no sender\"},"
                + "{\"index\":\"8\",\"type\":\"Text\",\"from\":\"nobody\",\"content\":\"x\"}]");
        n.start(CannedNexus.token(CannedNexus.CLAIMS));
        assertEquals("7,8", n.indexes(), "numbers are taken as strings; items without an index are skipped");
        Value seven = n.batches().get(0).at(0);
        assertEquals("{\"type\":\"\"}", Js.json(seven.get("from")), "no sender: empty fields, no failure");
    }

    @Test
    void aTokenWithUrlSafeBase64Decodes() { // quirk 14
        String claims = "{\"sessionId\":\"S1\",\"participantId\":\"P1\",\"transportId\":\"T1\",\"note\":\"??>>~~\"}";
        String token = CannedNexus.token(claims);
        String payload = token.split("\\.")[1];
        assertTrue(payload.contains("-") || payload.contains("_"), payload);
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.read("[]");
        CannedNexus.Outcome o = n.start(token);
        assertEquals("resolved", o.state, o.toString());
        assertEquals("{\"data\":{\"sessionId\":\"S1\",\"participantId\":\"P1\",\"transportId\":\"T1\","
                + "\"note\":\"??>>~~\",\"token\":\"" + token + "\"}}", Js.json(n.args.get(0)[0]));
        assertEquals(token, n.requests.get(1).header("x-nexus-client-key"));
    }

    @Test
    void aCreateAnswerWithoutAUsableTokenFailsTheStart() {
        for (String body : new String[] {"{\"status\":{\"code\":0},\"data\":{}}", "not json",
            "{\"status\":{\"code\":0},\"data\":{\"clientToken\":\"a.b.c\"}}",
            "{\"status\":{\"code\":0},\"data\":{\"clientToken\":\"" + CannedNexus.token("{\"participantId\":\"P\"}")
                + "\"}}"}) {
            CannedNexus n = new CannedNexus(CannedNexus.config());
            n.answer(200, body);
            CannedNexus.Outcome o = new CannedNexus.Outcome();
            n.transport.start(Js.obj("form", Js.obj("nickname", "Ada"), "userData", Js.obj()), o);
            n.tab.loop.runDue();
            assertEquals("rejected", o.state, body);
            assertEquals(200, (int) o.value.get("status").num());
            assertEquals(body, o.value.get("responseText").str());
            assertEquals(List.of("report " + Events.ERROR), n.calls, body);
            assertEquals(NexusTexts.BAD_REPLY, n.args.get(0)[0].get("errors").at(0).get("text").str());
            assertEquals(1, n.requests.size(), "no read without a session");
        }
    }

    @Test
    void chatEndedMustBeTrueOrOne() {
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.answer(200, "{\"status\":{\"code\":0},\"data\":{\"chatEnded\":\"yes\",\"messages\":[]}}");
        n.start(CannedNexus.token(CannedNexus.CLAIMS));
        assertFalse(n.calls.contains("ended"));
        n.answer(200, "{\"status\":{\"code\":0},\"data\":{\"chatEnded\":1,\"messages\":[" + msg("1") + "]}}");
        n.tab.loop.advance(3000);
        assertEquals(List.of("started", "report pollingStarted", "report ajaxResponse", "report pollingStarted",
                "messages", "report pollingStopped", "ended"), n.calls.subList(0, 7), "messages first, then the end");
        assertEquals(0, n.tab.cookies.all().size(), "the session cookies are gone");
    }

    @Test
    void base64DecodesBothAlphabetsAndEncodesBytes() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0, 'a'};
        String std = Base64.getEncoder().encodeToString(bytes);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String chars = new String(bytes, StandardCharsets.ISO_8859_1);
        assertEquals(chars, org.wcs.transport.Base64.decode(std));
        assertEquals(chars, org.wcs.transport.Base64.decode(url));
        assertEquals(std, org.wcs.transport.Base64.encode(chars));
        assertEquals("YQ==", org.wcs.transport.Base64.encode("a"));
        assertEquals("YWI=", org.wcs.transport.Base64.encode("ab"));
        assertEquals("", org.wcs.transport.Base64.encode(""));
    }

    @Test
    void indexesCompareByLengthThenText() {
        assertTrue(Batch.compare("17146500150000", "17146500150001") < 0);
        assertTrue(Batch.compare("9", "10") < 0);
        assertTrue(Batch.compare("900719925474099300", "900719925474099301") < 0);
        assertEquals(0, Batch.compare("5", "5"));
        assertEquals("17146500150000", Batch.key("1714650015000-0"));
        assertEquals("12-3", Batch.key("1-2-3"), "only the first dash");
    }

    @Test
    void aLateAnswerForAnEndedChatDoesNotTouchTheNextOne() {
        // given a chat, a message whose answer is still on its way, then the chat ended and a new one started
        CannedNexus n = new CannedNexus(CannedNexus.config());
        n.read("[]");
        n.start(CannedNexus.token(CannedNexus.CLAIMS));
        n.answer(200, "{\"status\":{\"code\":0},\"chatEnded\":true}");
        n.answer(404, "{\"status\":{\"code\":\"INVALID_SESSION\"}}");
        n.answer(200, "{}");
        CannedNexus.Outcome late = new CannedNexus.Outcome();
        CannedNexus.Outcome lateFailure = new CannedNexus.Outcome();
        n.transport.send("bye", "text", null, late);
        n.transport.typing(true, "", lateFailure);
        n.transport.end(new CannedNexus.Outcome());
        n.read("[]");
        n.start(CannedNexus.token(CannedNexus.CLAIMS.replace("S1", "S2")));
        // then the old answers settle their calls, and the new chat goes on
        assertEquals("resolved", late.state);
        assertEquals("rejected", lateFailure.state);
        assertFalse(n.calls.contains("ended"));
        assertFalse(n.calls.contains("report " + Events.SESSION_LOST));
        assertEquals("S2", n.transport.sessionData().get("sessionId").str());
    }
}
