package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmTabs;
import org.wcs.service.TestPage;
import org.wcs.tabs.Alone;

/**
 * The lite builds for Genesys pages ({@code plugins/<back end>/lite/}), whose plugin has no tab layer
 * ({@link Alone}): every case of {@link ChatContractTest} and of {@link FaultMatrixTest} again, on every back end, and
 * each tab of a site runs the chat on its own, as with Genesys's own service.
 */
class LiteBuildTest extends ChatContractTest {
    @Override
    ContractPage page(BackEnd b) {
        return new ContractPage(b, sandbox, new Alone.Maker());
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("org.wcs.contract.FaultMatrixTest#cases")
    void theChatSurvivesEachFaultOfTheMatrix(BackEnd b, FaultCase fault) {
        FaultMatrixTest.survives(b, fault, new Alone.Maker());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aSecondTabRestoresTheChatFromTheServerAndTheTabsExchangeNothing(BackEnd b) {
        // given a chat in one tab
        JvmTabs browser = new JvmTabs();
        ContractPage first = new ContractPage(b, sandbox, browser.open().platform, true, null, new Alone.Maker());
        first.chatWithAgent();
        // when a second tab of the site loads
        ContractPage second = new ContractPage(b, sandbox, browser.open().platform, false, null, new Alone.Maker());
        second.chatId = first.chatId;
        second.restored = true;
        second.awaitEvent("restored");
        second.sync();
        assertTrue(second.tab.http.sent.size() > 0, "the second tab asked the server itself");
        assertFalse(second.names().contains("joined"), second.names().toString());
        // then the agent's next line reaches them, each on its own connection
        first.desk.say(first.chatId, "to every tab");
        if (b.has(BackEnd.Feature.EVERY_READER_GETS_EACH_MESSAGE)) {
            first.sync();
            second.sync();
            assertEquals(1, first.said("to every tab"));
            assertEquals(1, second.said("to every tab"));
        } else {
            // PureConnect web chat gives it to the tab that polls first, as it does with Genesys's own service (the
            // builds that share the chat show it in every tab: SharedTabsTest)
            first.until(() -> first.said("to every tab") + second.said("to every tab") == 1);
        }
        assertEquals(List.of(), browser.posted, "no tab messages");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backEnds")
    void aMessageSentWhileTheServerIsOutOfReachIsNotKeptForLater(BackEnd b) {
        // given a chat
        ContractPage p = page(b);
        p.chatWithAgent();
        // when the server is out of reach as the customer sends
        p.tab.network.down();
        TestPage.Outcome sent = p.page.command("sendMessage", Js.obj("message", "sent into the outage"));
        p.until(() -> !sent.state.equals("pending"));
        // then it fails, as with Genesys's own service, and nothing sends it once the server is back
        assertEquals("rejected", sent.state, sent.toString());
        p.tab.network.up();
        p.desk.say(p.chatId, "are you there?");
        p.sync();
        assertEquals(0, p.said("sent into the outage"), p.names().toString());
    }
}
