package org.wcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers stay layered: each package of the core may import only what its allow-list names (the arrows of the
 * README's design picture), only the browser edge sees TeaVM, and no core class uses java.util (it costs kilobytes in
 * the bundle: {@code org.wcs.util} has the little the core needs).
 */
class CoreIsolationTest {
    private static final Path CLASSES = Path.of("target/classes/org/wcs");
    private static final Path SOURCES = Path.of("src/main/java/org/wcs");
    private static final String VALUE = "org.wcs.value", UTIL = "org.wcs.util", PLATFORM = "org.wcs.platform",
        BUS = "org.wcs.bus", SPI = "org.wcs.transport", SERVICE = "org.wcs.service";

    /** Package → the packages its classes may import (its own always allowed). */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry(VALUE, List.of()),
            Map.entry(UTIL, List.of()),
            Map.entry(PLATFORM, List.of(VALUE, UTIL)),
            Map.entry(BUS, List.of(VALUE, UTIL, PLATFORM)),
            Map.entry(SPI, List.of(VALUE, UTIL, PLATFORM)),
            Map.entry(SPI + ".gms", List.of(VALUE, UTIL, PLATFORM, SPI)),
            Map.entry(SPI + ".purecloud", List.of(VALUE, UTIL, PLATFORM, SPI)),
            Map.entry(SPI + ".nexus", List.of(VALUE, UTIL, PLATFORM, SPI)),
            Map.entry(SPI + ".pureconnect", List.of(VALUE, UTIL, PLATFORM, SPI)),
            Map.entry("org.wcs.tabs", List.of(VALUE, UTIL, PLATFORM, SPI)),
            Map.entry(SERVICE, List.of(VALUE, UTIL, PLATFORM, BUS, SPI, "org.wcs.tabs")),
            Map.entry("org.wcs.jsapi", List.of(VALUE, UTIL, PLATFORM, BUS, SPI, SPI + ".gms", SERVICE)),
            Map.entry("org.wcs.browser", List.of(VALUE, UTIL, PLATFORM, BUS, SPI, SPI + ".gms", SPI + ".purecloud",
                    SPI + ".nexus", SPI + ".pureconnect", SERVICE, "org.wcs.tabs", "org.wcs.jsapi", "org.teavm.jso")));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.wcs(?:\\.[a-z]\\w*)+|java\\.util)\\.[A-Z]");

    @Test
    void everyPackageImportsOnlyWhatItsAllowListNames() throws IOException {
        List<String> offences = new ArrayList<>();
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                String pkg = "org.wcs." + SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                packages.add(pkg);
                List<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    offences.add(pkg + " has no allow-list: add one");
                    continue;
                }
                for (String used : used(source)) {
                    if (!used.equals(pkg) && !allowed.contains(used) && !used.equals("java.lang")) {
                        offences.add(SOURCES.relativize(file) + " uses " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), offences);
        assertEquals(ALLOWED.keySet(), packages, "every package has an allow-list, and every list a package");
    }

    /** Packages a source imports or names fully qualified. */
    private static TreeSet<String> used(String source) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Matcher q = QUALIFIED.matcher(code.replaceAll("(?m)^import .*$", ""));
        while (q.find()) {
            out.add(q.group(1));
        }
        return out;
    }

    @Test
    void noCoreClassUsesJavaUtilOrTeaVm() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> read(p).contains("java/util/")
                            || !p.startsWith(CLASSES.resolve("browser")) && read(p).contains("org/teavm"))
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
