package org.wcs.contract;

import org.wcs.jvm.JvmTabs;
import org.wcs.sandbox.Sandbox;
import org.wcs.value.Value;

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
        this(b, sandbox, null);
    }

    /** As above, with {@code overrides} (or null) assigned over the back end's configuration in both tabs. */
    TwoTabs(BackEnd b, Sandbox sandbox, Value overrides) {
        leader = new ContractPage(b, sandbox, first.platform, true, overrides);
        second = browser.open();
        follower = new ContractPage(b, sandbox, second.platform, false, overrides);
        leader.chatWithAgent();
        follower.chatId = leader.chatId;
        follower.mirrors(leader);
    }
}
