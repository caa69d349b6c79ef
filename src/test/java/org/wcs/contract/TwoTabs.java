package org.wcs.contract;

import org.wcs.jvm.JvmTabs;
import org.wcs.sandbox.Sandbox;

/**
 * Two tabs of a fresh browser that share a chat with the agent: the first loaded first and leads, and started the
 * chat; the second shows it as the first does.
 */
final class TwoTabs {
    final JvmTabs browser = new JvmTabs();
    final JvmTabs.Tab first = browser.open();
    final JvmTabs.Tab second;
    final ContractPage leader;
    final ContractPage follower;

    TwoTabs(BackEnd b, Sandbox sandbox) {
        leader = new ContractPage(b, sandbox, first.platform, true);
        second = browser.open();
        follower = new ContractPage(b, sandbox, second.platform, false);
        leader.chatWithAgent();
        follower.chatId = leader.chatId;
        follower.mirrors(leader);
    }
}
