package org.wcs.transport.purecloud;

import org.junit.jupiter.api.BeforeEach;
import org.wcs.sandbox.purecloud.Conversation;
import org.wcs.sandbox.purecloud.Participant;

/** What most client tests start from: a loopback page whose chat Alice, an agent, has joined. */
abstract class ChatWithAlice {
    ChatPage p;
    Conversation c;
    Participant alice;

    @BeforeEach
    void aliceJoins() {
        p = ChatPage.loopback();
        p.load();
        c = p.start();
        alice = c.agent("Alice");
        alice.joins();
    }
}
