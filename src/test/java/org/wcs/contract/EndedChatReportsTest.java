package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.Js;
import org.wcs.sandbox.SandboxTest;
import org.wcs.value.Value;

/**
 * What a page is told once a chat is over, on every back end, as the original tells it (issue 13 item 12): no session
 * (GMS: its four keys, empty; the others: {}), no agents, no statistics, and the ended chat's transcript as an
 * archive until the next start.
 */
class EndedChatReportsTest extends SandboxTest {
    static Stream<BackEnd> backEnds() {
        return BackEnds.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aChatTheCustomerEndedReportsNothingButItsTranscript(BackEnd b) {
        // given a chat with an agent
        ContractPage p = new ContractPage(b, sandbox);
        p.chatWithAgent();
        int shown = p.page.command("getTranscript", null).value.get("messages").length();
        // when the customer ends it
        assertEquals("resolved", p.page.await("endChat", null).state);
        p.awaitEvent("ended");
        // then
        reportsNothingBut(b, p, shown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aChatTheAgentEndedReportsNothingButItsTranscript(BackEnd b) {
        ContractPage p = new ContractPage(b, sandbox);
        p.chatWithAgent();
        int shown = p.page.command("getTranscript", null).value.get("messages").length();
        p.desk.end(p.chatId);
        p.awaitEvent("ended");
        reportsNothingBut(b, p, shown);
    }

    private static void reportsNothingBut(BackEnd b, ContractPage p, int shown) {
        Value session = p.page.command("getSessionData", null).value;
        boolean gms = b instanceof GmsRestBackEnd || b instanceof CometdBackEnd;
        assertEquals(gms ? "{sessionID:string,userId:string,secureKey:string,alias:string}" : "{}", Js.shape(session));
        assertEquals(gms ? "{\"sessionID\":\"\",\"userId\":\"\",\"secureKey\":\"\",\"alias\":\"\"}" : "{}",
                Js.json(session));
        assertEquals("resolved:{\"agents\":{}}", p.page.command("getAgents", null).toString());
        assertEquals("resolved:{\"agents\":{},\"startTime\":false,\"endTime\":false,\"duration\":false}",
                p.page.command("getStats", null).toString());
        int archived = p.page.command("getTranscript", null).value.get("messages").length();
        assertTrue(archived >= shown && shown > 0, shown + " shown, " + archived + " archived");
    }
}
