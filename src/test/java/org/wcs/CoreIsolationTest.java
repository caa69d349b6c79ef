package org.wcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core (everything but the browser edge) is plain Java: it runs here, where TeaVM is not even present. */
class CoreIsolationTest {
    private static final Path CLASSES = Path.of("target/classes/org/wcs");

    @Test
    void noCoreClassReferencesTeaVm() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !p.startsWith(CLASSES.resolve("browser")))
                    .filter(p -> read(p).contains("org/teavm"))
                    .map(p -> CLASSES.relativize(p).toString())
                    .toList();
        }
        assertEquals(List.of(), offenders);
        try (Stream<Path> files = Files.walk(CLASSES)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith("bus/Bus.class")), "scanned the real classes");
        }
    }

    @Test
    void teaVmIsAbsentFromTheTestClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.teavm.jso.JSObject"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.teavm.classlib.impl.Base46"));
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
