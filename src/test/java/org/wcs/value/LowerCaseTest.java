package org.wcs.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ASCII lower case: transcript item types, plugin and header names go through it, once per item on a restore. */
class LowerCaseTest {
    @Test
    void lowersAsciiCapitalsOnly() {
        assertEquals("participantjoined", Values.lower("ParticipantJoined"));
        assertEquals("x-genesys-ÄÖ", Values.lower("X-Genesys-ÄÖ"));
        assertEquals("", Values.lower(""));
    }

    @Test
    void aNameWithNoCapitalIsNotCopied() {
        String type = new String("message");
        assertSame(type, Values.lower(type));
    }

    @Test
    void comparesALowerCaseNameWithAConstantInAnyCase() {
        assertTrue(Values.isLower("typingstarted", "TypingStarted"));
        assertTrue(Values.isLower("message", "Message"));
        assertFalse(Values.isLower("message", "Messages"));
        assertFalse(Values.isLower("Message", "Message"), "the first is taken as lower case already");
        assertFalse(Values.isLower("pushurl", "Notice"));
    }
}
