package org.wcs.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The lite builds for Genesys pages ({@code plugins/<back end>/lite/}) hold no code of the tab layer: of
 * {@code org.wcs.tabs}, their source maps name only {@code Alone}, and they never touch the browser's ways for tabs
 * to talk ({@code BroadcastChannel}, Web Locks), which the back end's other build for Genesys pages does.
 */
class LiteBuildsTest {
    private static List<String> tabSources(String build) throws IOException {
        SourceMap map = new SourceMap(Path.of("plugins", build + ".map"));
        List<String> out = new ArrayList<>();
        for (String s : map.sources) {
            if (s.startsWith("org/wcs/tabs/")) {
                out.add(s.substring("org/wcs/tabs/".length()));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.wcs.sandbox.Sandbox#LITE_BUILDS")
    void theLiteBuildHoldsNoTabLayer(String folder) throws IOException {
        String lite = folder + "/lite/webchatservice.min.js";
        String shared = folder + "/webchatservice.min.js";
        assertEquals(List.of("Alone.java"), tabSources(lite));
        assertTrue(tabSources(shared).contains("TabHub.java"), tabSources(shared).toString());
        String liteCode = Files.readString(Path.of("plugins", lite));
        String sharedCode = Files.readString(Path.of("plugins", shared));
        for (String api : List.of("BroadcastChannel", "navigator.locks")) {
            assertFalse(liteCode.contains(api), lite + " uses " + api);
            assertTrue(sharedCode.contains(api), shared + " uses " + api);
        }
    }
}
