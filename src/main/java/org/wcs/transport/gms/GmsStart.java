package org.wcs.transport.gms;

import org.wcs.transport.PageContext;
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
        String language = context.listener.language();
        Value out = Values.object().set("GCTI_LanguageCode", language == null ? "en" : language);
        return PageContext.add(Values.assign(out, user), context.platform.page).set("_genesys_widgets",
                WIDGETS_VERSION);
    }
}
