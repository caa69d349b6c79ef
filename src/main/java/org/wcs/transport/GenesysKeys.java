package org.wcs.transport;

import org.wcs.platform.Page;
import org.wcs.value.Value;

/**
 * The {@code _genesys_*} user data keys Genesys Widgets attaches to a chat request: source ({@code web} or
 * {@code mobile}), referrer, page URL and title, browser and OS, the last two guessed from the user agent with the
 * names Genesys uses (empty when unknown).
 */
public final class GenesysKeys {
    /** User agent marker, then the name it means; the first match wins. */
    private static final String[] BROWSERS = {"OPR/", "Opera", "Opera", "Opera", "Firefox/", "Firefox", "MSIE ",
        "Internet Explorer", "Trident/", "Internet Explorer", "Chrome/", "Chrome", "CriOS/", "Chrome", "Android",
        "Android Webkit Browser", "Safari/", "Safari"};
    private static final String[] SYSTEMS = {"Windows", "Windows", "iPhone", "iOS", "iPad", "iOS", "Mac OS X",
        "Mac OS X", "CrOS", "ChromeOS", "Android", "Android", "Linux", "Linux"};

    private GenesysKeys() {
    }

    /** Sets the keys on {@code userData} and returns it. */
    public static Value add(Value userData, Page page) {
        String ua = page.userAgent();
        String os = find(ua, SYSTEMS);
        return userData.set("_genesys_source", os.equals("iOS") || os.equals("Android") || ua.contains("Mobi")
                ? "mobile" : "web").set("_genesys_referrer", page.referrer()).set("_genesys_url", page.href())
                .set("_genesys_pageTitle", page.title()).set("_genesys_browser", find(ua, BROWSERS))
                .set("_genesys_OS", os);
    }

    private static String find(String ua, String[] table) {
        for (int i = 0; i < table.length; i += 2) {
            if (ua.contains(table[i])) {
                return table[i + 1];
            }
        }
        return "";
    }
}
