package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The filters cookie is domain-wide, so a sibling subdomain can plant one: what it brings back is bounded, patterns
 * of the catastrophic-backtracking shape are refused, and the page's own filters outrank it.
 */
class PlantedFiltersTest extends ServiceFixture {

    /** Plants a filters cookie holding these sources (no flags), as another site of the domain could. */
    private void plant(List<String> sources) {
        Value custom = Values.array();
        for (String s : sources) {
            custom.push(Js.obj("source", s, "flags", ""));
        }
        tab.cookies.set(Prefilters.COOKIE, Values.stringify(Js.obj("custom", custom)), "; path=/");
    }

    /** Whether an agent message with this text reaches the page. */
    private boolean shown(String text) {
        events.clear();
        transport.messages(transport.item("Message", text, "Agent", 2, "Grace"));
        tab.loop.runDue();
        return events.stream().anyMatch(e -> e.startsWith("messageReceived"));
    }

    private List<String> storedSources() {
        Value custom = Values.parse(tab.page.decodeUri(tab.cookies.get(Prefilters.COOKIE))).get("custom");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < custom.length(); i++) {
            out.add(custom.at(i).get("source").str());
        }
        return out;
    }

    @Test
    void aPlantedCatastrophicPatternIsRefusedAndTheOthersKept() {
        // given a cookie with a harmless filter between two of the exponential kind
        plant(List.of("(a+)+$", "^secret", "(x*)*y"));
        // when the page loads and a chat runs
        bootPage(config());
        startChat();
        // then the harmless one hides, the others were never compiled
        assertFalse(shown("secret 42"));
        assertTrue(shown("aaaa"));
        assertTrue(shown("xxy"));
    }

    @Test
    void onlyTheFirstSixteenFiltersOfBoundedSizeAreTaken() {
        // given a cookie with 20 short filters
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("^f" + i + "$");
        }
        plant(many);
        bootPage(config());
        startChat();
        // then
        assertFalse(shown("f0"));
        assertFalse(shown("f" + (Prefilters.MAX_FILTERS - 1)));
        assertTrue(shown("f" + Prefilters.MAX_FILTERS));
        assertTrue(shown("f19"));
    }

    @Test
    void aPatternTooLongOrPastTheTotalIsRefused() {
        // given one pattern over the length bound, then five of 250 characters (the fifth passes 1024 in all)
        String tooLong = "L" + "-".repeat(Prefilters.MAX_SOURCE);
        List<String> sources = new ArrayList<>(List.of(tooLong));
        for (int i = 1; i <= 5; i++) {
            sources.add("^" + i + "-".repeat(248));
        }
        plant(sources);
        bootPage(config());
        startChat();
        // then: the long one counts towards the total too, so only the first three of 250 fit
        assertTrue(shown(tooLong));
        assertFalse(shown("1" + "-".repeat(248)));
        assertFalse(shown("3" + "-".repeat(248)));
        assertTrue(shown("4" + "-".repeat(248)));
        assertTrue(shown("5" + "-".repeat(248)));
    }

    @Test
    void thePagesOwnFiltersOutrankAPlantedListOnTheNextLoad() {
        // given a planted cookie that fills the bound
        List<String> junk = new ArrayList<>();
        for (int i = 0; i < Prefilters.MAX_FILTERS; i++) {
            junk.add("^junk" + i + "$");
        }
        plant(junk);
        bootPage(config());
        startChat();
        // when the page registers its own filter, and the page reloads
        command("addPrefilter", Js.obj("filters", Values.regExp("^mine", "")));
        assertEquals("^mine", storedSources().get(0));
        bootPage(config());
        startChat();
        // then its filter still hides
        assertFalse(shown("mine: 1234"));
    }

    @Test
    void aFilterRegisteredAgainReplacesItsStoredCopy() {
        // given a filter stored by an earlier page
        plant(List.of("^token:", "^other"));
        bootPage(config());
        startChat();
        // when this page registers the same one (as pages that register on every load do)
        Value copy = command("addPrefilter", Js.obj("filters", Values.regExp("^token:", ""))).value;
        // then it is stored once, first
        assertEquals(List.of("^token:", "^other"), storedSources());
        assertEquals(List.of("0", "1"), Js.keys(copy));
        assertFalse(shown("token:abc"));
    }

    @Test
    void nestedQuantifiersAreFoundAndPlainPatternsPass() {
        // (ab+c)+ and (a{,2})+ are harmless: the check errs towards refusal; so it does past 30 nested groups
        for (String bad : List.of("(a+)+", "(a*)*", "(.*a){12}", "((a)+)*", "(?:\\d+)+$", "(a|b+)*", "x(y(z+))+",
                "(ab+c)+", "(a{,2})+", "(".repeat(31) + "a" + ")".repeat(31))) {
            assertTrue(Prefilters.nestedQuantifier(bad), bad);
        }
        for (String good : List.of("^token:", "\\{start:\\d{9}\\}", "(abc)+", "(a+)?", "a+b*c{2}", "[(a+)]+",
                "\\(a+\\)+", "([a+])+", "[a-z]+\\d{2,}", "co-?browse", "((ab)|(cd))+")) {
            assertFalse(Prefilters.nestedQuantifier(good), good);
        }
    }
}
