package org.wcs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Main code searches strings for strings ({@code s.indexOf(".")}), never for a char ({@code s.indexOf('.')}):
 * TeaVM's {@code String.indexOf(int)} and {@code lastIndexOf(int)} handle supplementary code points, which brings a
 * search for surrogate pairs and {@code Character}'s surrogate helpers into every build that holds one call
 * (106 B gzip -9 in the GMS build for Genesys pages). The string forms find the same index for every char we search.
 */
class CharSearchTest {
    private static final Path SOURCES = Path.of("src/main/java/org/wcs");
    /** A char literal or a char-typed expression as the first argument of indexOf or lastIndexOf. */
    private static final Pattern CHAR_SEARCH = Pattern.compile("\\.(?:last)?[iI]ndexOf\\(\\s*'");

    @Test
    void noMainClassSearchesAStringForACharLiteral() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    // JS inside @JSBody scripts is not Java: its indexOf is the browser's
                    if (CHAR_SEARCH.matcher(lines.get(i)).find() && !lines.get(i).contains("script")
                            && !lines.get(i).trim().startsWith("+ \"")) {
                        offences.add(SOURCES.relativize(file) + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(List.of(), offences);
        assertTrue(Files.exists(SOURCES.resolve("service/SiteCookies.java")), "scanned the real sources");
    }
}
