package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wcs.jvm.Js;
import org.wcs.value.Value;

/**
 * Genesys Web Engagement's ids in the start request (issue 13 item 6): a fake GWE plugin on the bus answers
 * {@code GWE.getIDs} as the real one does, with the visit and page ids it got from its tracker.
 */
class WebEngagementTest extends ServiceFixture {
    private final List<String> asked = new ArrayList<>();

    /** A GWE plugin as Genesys's: {@code getIDs} resolves the tracker's ids; ready is republished (sticky). */
    private void gweIsReady() {
        Value gwe = Js.call(cxbus, "registerPlugin", "GWE");
        Js.call(gwe, "registerCommand", "getIDs", Js.fn(c -> {
            asked.add(c.get("commander").str());
            Js.call(c.get("deferred"), "resolve", Js.obj("visitID", "V-1", "pageID", "P-7", "globalVisitID", "G-3"));
        }));
        Js.call(gwe, "ready");
        Js.call(gwe, "republish", "ready");
        tab.loop.runDue();
    }

    @Test
    void onGmsTheIdsGoIntoTheStartRequestsUserData() {
        // given a configured user data key, and GWE ready on the page
        command("updateUserData", Js.obj("plan", "gold"));
        gweIsReady();
        // then the service asked once, and the ids are in its user data
        assertEquals(List.of("WebChatService"), asked);
        assertEquals("{\"plan\":\"gold\",\"visitID\":\"V-1\",\"pageID\":\"P-7\",\"globalVisitID\":\"G-3\"}",
                Js.json(Js.call(page, "data", "WebChatService.userData")));
        // when a chat starts
        command("startChat", Js.obj("nickname", "Ada", "userData", Js.obj("pageID", "from the page")));
        // then the request carries them, the start's own data last
        assertEquals("{\"plan\":\"gold\",\"visitID\":\"V-1\",\"pageID\":\"from the page\",\"globalVisitID\":\"G-3\"}",
                Js.json(transport.last("start").args[0].get("userData")));
    }

    @Test
    void otherBackEndsDoNotAskAsTheOriginalsDidNot() {
        // given a v3 page (a transport.type: the original's nextgen service, which never subscribed to GWE)
        bootPage(Js.obj("transport", Js.obj("type", "pureengage-v3-rest", "dataURL", "http://127.0.0.1:1/nexus")));
        // when GWE becomes ready
        gweIsReady();
        command("startChat", Js.obj("nickname", "Ada"));
        // then
        assertEquals(List.of(), asked);
        assertEquals("{}", Js.json(transport.last("start").args[0].get("userData")));
    }
}
