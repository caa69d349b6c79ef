package org.wcs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.jvm.JvmTabs;
import org.wcs.sandbox.SandboxTest;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * A download asked for in a tab that does not hold the chat's connection opens from that tab: GMS's download is a
 * form posted to a new window, which the browser lets only the tab the customer clicked in open (from the leader's
 * tab it is a pop-up without a click, and is blocked).
 */
class FollowerDownloadTest extends SandboxTest {
    static Stream<BackEnd> gms() {
        return Stream.of(new GmsRestBackEnd(), new CometdBackEnd());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gms")
    void aFollowerDownloadsFromItsOwnTabWithTheChatsKeys(BackEnd b) {
        // given a chat in two tabs
        JvmTabs browser = new JvmTabs();
        ContractPage leader = new ContractPage(b, sandbox, browser.open().platform, true);
        ContractPage follower = new ContractPage(b, sandbox, browser.open().platform, false);
        leader.chatWithAgent();
        follower.chatId = leader.chatId;
        follower.until(() -> follower.transcript().equals(leader.transcript()));
        // when the customer downloads a file in the tab that follows
        Value file = Values.object().set("fileId", "F1").set("fileName", "note.txt");
        assertEquals("resolved", follower.page.command("downloadFile", file).state);
        // then the form goes from that tab, with the chat's keys, and none from the leader's
        List<String[]> forms = follower.tab.page.submittedForms;
        assertEquals(1, forms.size());
        String secureKey = leader.page.command("getSessionData", null).value.get("secureKey").str();
        assertTrue(Arrays.asList(forms.get(0)).contains(secureKey), Arrays.toString(forms.get(0)));
        assertEquals(0, leader.tab.page.submittedForms.size());
        assertEquals(0, follower.tab.http.sent.size(), "the follower talked to the server");
    }
}
