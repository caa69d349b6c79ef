package org.wcs.transport.gms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmLoop;
import org.wcs.jvm.JvmPlatform;
import org.wcs.sandbox.gms.GmsChat;
import org.wcs.service.TestPage;
import org.wcs.service.Texts;
import org.wcs.transport.TransportTexts;

/**
 * Where the chat's cookies go on real host names (the jar refuses what a browser refuses: domains above the host and
 * public suffixes of the ICANN and private sections), and a chat on a page that stores no cookie at all.
 */
class CookieScopeTest extends GmsFixture {
    private static final String SESSION = "_genesys.widgets.webchat.state.session";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "www.example.gouv.fr, .example.gouv.fr", // ICANN suffix of two labels: the original wrote .gouv.fr
        "shop.example.myshopify.com, .example.myshopify.com", // private section: the original wrote .myshopify.com
        "www.example.co.uk, .example.co.uk",
        "www.example.com, .example.com",
        "example.com, .example.com",
        "chat.eu.example.org, .example.org",
        "localhost, ''",
        "127.0.0.1, ''"})
    void aChatAndARestoreWorkOnEveryHost(String host, String domain) {
        // given a page on that host
        openOn("http://" + host + ":8443/shop/index.html");
        // when a chat runs
        GmsChat chat = start();
        gms.agent(chat).joins("Grace").says("Hello from the desk");
        sync(chat);
        // then its cookies are on the widest domain the browser takes, and the probe is gone
        String attributes = tab.cookies.attributes.get(SESSION);
        assertEquals(domain.isEmpty() ? "; path=/; samesite=strict" : "; path=/; domain=" + domain
                + "; samesite=strict", attributes);
        assertNull(tab.cookies.get("_genesys.widgets.webchat.probe"));
        // and a reload restores the chat, which goes on
        reloadOn("http://" + host + ":8443/shop/other.html");
        page.awaitEvent("pollingStarted");
        assertTrue(page.events.contains("restored"), page.events.toString());
        gms.agent(chat).says("After the reload");
        sync(chat);
        assertEquals(chat.lines(), transcript());
    }

    @Test
    void theSitesOwnCookieOptionsAreHonouredExactly() {
        tab.page.href = "https://www.shop.example.com/";
        page = new TestPage(tab, config(), Js.obj("cookieOptions", Js.obj("domain", ".shop.example.com",
                "sameSite", "lax")), new Transports());
        start();
        assertEquals("; path=/; domain=.shop.example.com; samesite=lax; secure",
                tab.cookies.attributes.get(SESSION));
    }

    @Test
    void withNoCookiesTheChatRunsForThePageAndSaysWhyOnce() {
        // given a browser that stores no cookie
        tab.cookies.blocked = true;
        openOn("https://www.example.com/");
        // when a chat runs
        assertEquals("resolved", page.await("startChat", Js.obj("nickname", "Ada")).state);
        GmsChat chat = gms.chat(sessionId());
        gms.agent(chat).joins("Grace").says("One");
        gms.agent(chat).says("Two");
        sync(chat);
        gms.agent(chat).says("Three");
        sync(chat);
        // then it works for the life of the page (the GMS poll does not take the missing cookie as "ended")
        assertEquals(chat.lines(), transcript());
        assertTrue(page.service.isActive());
        // and one error event said why
        List<String> errors = page.eventData.stream().filter(d -> d.get("errorReason").isString())
                .map(d -> d.get("message").str()).toList();
        assertEquals(List.of(Texts.COOKIES_UNAVAILABLE), errors);
        assertEquals(Texts.COOKIES_UNAVAILABLE_REASON, page.eventData.stream()
                .filter(d -> d.get("errorReason").isString()).findFirst().orElseThrow().get("errorReason").str());
        // and after a reload there is nothing to restore, as documented
        reloadOn("https://www.example.com/");
        assertFalse(page.bootEvents.contains("restored"), page.bootEvents.toString());
        assertEquals("rejected:\"" + TransportTexts.NOTHING_TO_RESTORE + "\"",
                page.await("restore", null).toString());
    }

    @Test
    void aPageWithNoChatWritesNoCookieOnItsWayToReady() {
        // given a site page on a real host name, no chat stored
        openOn("https://www.example.gouv.fr/");
        // when the plugin gets ready
        assertTrue(page.bootEvents.contains("ready"), page.bootEvents.toString());
        // then it has not probed for the cookie domain yet: that waits for the first write (a chat's start)
        assertEquals(Map.of(), tab.cookies.writes);
        start();
        assertEquals("; path=/; domain=.example.gouv.fr; samesite=strict; secure", tab.cookies.attributes.get(SESSION));
    }

    private void openOn(String href) {
        tab.page.href = href;
        page = new TestPage(tab, config(), new Transports());
    }

    private void reloadOn(String href) {
        JvmLoop loop = new JvmLoop();
        loop.advance(tab.loop.now() - JvmLoop.EPOCH + 2_000);
        tab = new JvmPlatform(loop, tab.cookies, tab.storage);
        openOn(href);
    }
}
