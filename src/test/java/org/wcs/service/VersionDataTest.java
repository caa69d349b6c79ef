package org.wcs.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wcs.browser.Transports;
import org.wcs.jvm.Js;
import org.wcs.jvm.JvmPlatform;
import org.wcs.platform.Platform;
import org.wcs.tabs.SharedTabs;
import org.wcs.value.Value;

/** The build's version, readable at run time as the plugin's registered data {@code WebChatService.data.version}. */
class VersionDataTest {

    @Test
    void theVersionIsRegisteredDataFromTheStart() {
        JvmPlatform t = new JvmPlatform();
        Launcher.start(t.platform, new Transports(), new SharedTabs());
        Value page = Js.call(t.page.window().get("CXBus"), "registerPlugin", "Probe");
        assertEquals(Platform.UNSTAMPED, Js.call(page, "data", "WebChatService.version").str());
    }
}
