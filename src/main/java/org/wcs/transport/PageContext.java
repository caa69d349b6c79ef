package org.wcs.transport;

import org.wcs.platform.Page;
import org.wcs.value.Value;

/**
 * The page-context keys Genesys Widgets add to a chat's user data: {@code _genesys_source} ("web" or "mobile"),
 * {@code _genesys_referrer}, {@code _genesys_url}, {@code _genesys_pageTitle}, {@code _genesys_browser} and
 * {@code _genesys_OS}. Browser and OS come from the user agent by the first matching token (order matters: Edge and
 * Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux").
 */
public final class PageContext {
    /** User-agent token, then the name reported for it. */
    private static final String[] BROWSERS = {"Edg", "Edge", "OPR", "Opera", "Firefox", "Firefox", "Chrome", "Chrome",
        "Safari", "Safari", "Trident", "Internet Explorer", "MSIE", "Internet Explorer"};
    private static final String[] SYSTEMS = {"Windows", "Windows", "Android", "Android", "iPhone", "iOS", "iPad",
        "iOS", "CrOS", "ChromeOS", "Mac OS", "Mac OS X", "Linux", "Linux"};

    private PageContext() {
    }

    /** Sets the six keys on {@code to} and returns it. */
    public static Value add(Value to, Page page) {
        String ua = page.userAgent();
        return to.set("_genesys_source", ua.contains("Mobi") ? "mobile" : "web")
                .set("_genesys_referrer", page.referrer()).set("_genesys_url", page.href())
                .set("_genesys_pageTitle", page.title()).set("_genesys_browser", pick(ua, BROWSERS))
                .set("_genesys_OS", pick(ua, SYSTEMS));
    }

    private static String pick(String ua, String[] table) {
        for (int i = 0; i < table.length; i += 2) {
            if (ua.contains(table[i])) {
                return table[i + 1];
            }
        }
        return "";
    }
}
