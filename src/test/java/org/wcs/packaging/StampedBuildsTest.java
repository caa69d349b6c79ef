package org.wcs.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcs.bench.BundleSizeTest;

/**
 * What the build stamps into every shipped file under plugins/ (issue 17): the one-line banner with the POM's
 * version, the sourceMappingURL comment, and a source map beside it that maps into the Java sources it inlines.
 */
class StampedBuildsTest {
    /** The POM's version, handed over by surefire and failsafe (pom.xml, systemPropertyVariables). */
    static String version() {
        String v = System.getProperty("wcs.version");
        assertNotNull(v, "wcs.version is not set: run the tests through Maven");
        return v;
    }

    static List<String> files() {
        List<String> all = new ArrayList<>(BundleSizeTest.BUILDS);
        all.add("cxbus.min.js");
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachBuildCarriesTheBannerTheVersionAndItsMap(String build) throws IOException {
        Path file = Path.of("plugins", build);
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString();
        assertEquals("/*! webchatservice " + version() + " | UNLICENSED */", lines.get(0));
        assertEquals("//# sourceMappingURL=" + name + ".map", lines.get(lines.size() - 1));
        if (!build.equals("cxbus.min.js")) { // the bus alone has no service to publish a version
            assertTrue(lines.get(1).contains("\"" + version() + "\""), "the version string is in the code");
        }
        assertTrue(!String.join("\n", lines).contains("WCS_VERSION"), "the minifier replaced WCS_VERSION");

        SourceMap map = new SourceMap(Path.of("plugins", build + ".map"));
        assertEquals(name, map.json.get("file").asText());
        assertTrue(map.mappings.size() > 1000, map.mappings.size() + " mappings");
        int ours = 0;
        for (int i = 0; i < map.sources.size(); i++) {
            String source = map.sources.get(i);
            assertTrue(source.endsWith(".java"), source);
            if (source.startsWith("org/wcs/")) {
                assertNotNull(map.content(i), source + " is inlined");
                assertEquals(Files.readString(Path.of("src/main/java", source)), map.content(i), source);
                ours++;
            }
        }
        assertTrue(ours > 10, ours + " of our sources");
        // every mapping points inside the bundle and inside an inlined source
        for (SourceMap.Mapping m : map.mappings) {
            assertTrue(m.line() >= 1 && m.line() < lines.size() - 1, "generated line " + m.line());
            assertTrue(m.column() < lines.get(m.line()).length(), "generated column " + m);
            String content = map.content(m.source());
            if (content != null) {
                assertTrue(m.sourceLine() < content.split("\n", -1).length, "source line " + m);
            }
        }
    }

    @Test
    void theMapOfThePluginTakesItsEntryPointBackToJava() throws IOException {
        // the JSBody that reads the stamped version is found in its Java file, so positions are not shifted
        String code = Files.readAllLines(Path.of("plugins/webchatservice.min.js")).get(1);
        int at = code.indexOf("\"" + version() + "\"");
        SourceMap.Origin origin = new SourceMap(Path.of("plugins/webchatservice.min.js.map")).origin(2, at + 1);
        assertNotNull(origin);
        assertTrue(origin.source().startsWith("org/wcs/"), origin.toString());
    }
}
