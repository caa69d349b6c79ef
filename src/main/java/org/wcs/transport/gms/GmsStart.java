package org.wcs.transport.gms;

import org.wcs.platform.Page;
import org.wcs.transport.TransportContext;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The attached data of a chat request (spec gms-v2 §3.1): the Widgets language first, then the configured and
 * customer data, then the page facts Genesys reports under {@code _genesys_*} keys (these win over user keys).
 */
final class GmsStart {
    static final String WIDGETS_VERSION = "9.0.018.07";

    private GmsStart() {
    }

    static Value userData(TransportContext context, Value user) {
        Page page = context.platform.page;
        String language = context.listener.language();
        Value out = Values.object().set("GCTI_LanguageCode", language == null ? "en" : language);
        Values.assign(out, user);
        String agent = page.userAgent();
        return out.set("_genesys_source", agent.contains("Mobi") ? "mobile" : "web")
                .set("_genesys_referrer", page.referrer())
                .set("_genesys_url", page.href())
                .set("_genesys_pageTitle", page.title())
                .set("_genesys_browser", first(agent, new String[] {"Edg/", "Edge", "OPR/", "Opera", "Firefox/",
                    "Firefox", "Chrome/", "Chrome", "Safari/", "Safari"}))
                .set("_genesys_OS", first(agent, new String[] {"Windows", "Windows", "Android", "Android", "iPhone",
                    "iOS", "iPad", "iOS", "Mac OS", "Mac OS", "Linux", "Linux"}))
                .set("_genesys_widgets", WIDGETS_VERSION);
    }

    /** The name paired with the first marker found in {@code agent} (marker, name, marker, name...). */
    private static String first(String agent, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (agent.contains(pairs[i])) {
                return pairs[i + 1];
            }
        }
        return "Unknown";
    }
}
