package org.wcs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.wcs.jvm.JvmPlatform;

/** Cookies read and written the way js-cookie does it. */
class CookieJarTest {
    private final JvmPlatform tab = new JvmPlatform();
    private final CookieJar jar = new CookieJar(tab.cookies, tab.page);

    @Test
    void jsonKeepsItsBracesAndColonsAndReadsBack() {
        // given
        tab.page.href = "https://www.example.com/";
        CookieOptions o = new CookieOptions();
        o.domain = ".example.com";
        o.sameSite = "strict";
        o.secure = true;
        String json = "{\"secureKey\":\"SK 1\",\"alias\":\"117\"}";
        // when
        jar.set("_genesys.widgets.webchat.state.keys", json, o);
        // then
        assertEquals("{%22secureKey%22:%22SK%201%22%2C%22alias%22:%22117%22}",
                tab.cookies.get("_genesys.widgets.webchat.state.keys"));
        assertEquals("; path=/; domain=.example.com; samesite=strict; secure",
                tab.cookies.attributes.get("_genesys.widgets.webchat.state.keys"));
        assertEquals(json, jar.get("_genesys.widgets.webchat.state.keys"));
    }

    @Test
    void removeExpiresTheCookie() {
        CookieOptions o = new CookieOptions();
        jar.set("a", "1", o);
        jar.remove("a", o);
        assertNull(jar.get("a"));
        assertEquals("; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/", tab.cookies.attributes.get("a"));
    }

    @Test
    void maxAgeMakesAPersistentCookie() {
        CookieOptions o = new CookieOptions();
        o.maxAgeSeconds = 3600;
        jar.set("p", "v", o);
        assertEquals("; max-age=3600; path=/", tab.cookies.attributes.get("p"));
    }
}
