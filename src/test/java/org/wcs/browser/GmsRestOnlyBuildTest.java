package org.wcs.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.service.Launcher;
import org.wcs.tabs.SharedTabs;
import org.wcs.transport.gms.GmsTexts;
import org.wcs.value.Value;

/** The REST-only GMS build (plugins/gms-rest): REST configurations run, a CometD one is refused with a clear text. */
class GmsRestOnlyBuildTest {
    private static final String DATA_URL = "http://127.0.0.1:1/genesys/2/chat/customer-support";

    /** What {@code WebChatService.configure} with {@code webchat} settles with: "done" or the rejection's text. */
    private static String configure(GmsBackEnd backEnd, Value webchat) {
        JvmPlatform t = new JvmPlatform();
        // the page's own configuration is a REST one, so the plugin gets ready; the command reconfigures it
        t.page.window().set("_genesys", Js.obj("widgets", Js.obj("webchat", Js.obj("dataURL", DATA_URL))));
        Launcher.start(t.platform, new Transports(backEnd), new SharedTabs());
        Value probe = Js.call(t.page.window().get("CXBus"), "registerPlugin", "Probe");
        List<String> settled = new ArrayList<>();
        Value promise = Js.call(probe, "command", "WebChatService.configure", webchat);
        Js.call(promise, "done", Js.fn(v -> settled.add("done")));
        Js.call(promise, "fail", Js.fn(why -> settled.add(why.str())));
        t.loop.advance(1_000);
        return String.join("|", settled);
    }

    private static Value cometD() {
        return Js.obj("cometD", Js.obj("enabled", true, "cometURL", "http://127.0.0.1:1/genesys/cometd"));
    }

    @Test
    void aCometDConfigurationIsRefusedWithTheBuildToTake() {
        assertEquals(GmsTexts.NO_COMETD_IN_BUILD, configure(GmsBackEnd.restOnly(), cometD()));
    }

    @Test
    void aRestConfigurationIsTaken() {
        assertEquals("done", configure(GmsBackEnd.restOnly(),
                Js.obj("dataURL", DATA_URL + "/other")));
    }

    @Test
    void theFullBuildStillTakesCometD() {
        assertEquals("done", configure(new GmsBackEnd(), cometD()));
    }
}
