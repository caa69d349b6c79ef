package org.wcs.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Growth is a decision, not an accident: every shipped build's gzip -9 size (Java's level-9 deflate with gzip framing,
 * within a few bytes of {@code gzip -9}) may exceed the figure recorded in {@code bundle-sizes.properties} by at most
 * 2 %. A change that needs more records the new figure there, and says why in its commit. The builds exist from
 * {@code process-classes} on, so this runs in every {@code mvn test} and {@code mvn verify}.
 */
public class BundleSizeTest {
    /** Every shipped file under plugins/: the all-back-ends file, and each back end's three builds. */
    public static final java.util.List<String> BUILDS = java.util.List.of("webchatservice.min.js",
            "gms/webchatservice.min.js", "gms/webchatservice.standalone.min.js",
            "gms-rest/webchatservice.min.js", "gms-rest/webchatservice.standalone.min.js",
            "purecloud-v2-sockets/webchatservice.min.js", "purecloud-v2-sockets/webchatservice.standalone.min.js",
            "pureengage-v3-rest/webchatservice.min.js", "pureengage-v3-rest/webchatservice.standalone.min.js",
            "pureconnect/webchatservice.min.js", "pureconnect/webchatservice.standalone.min.js",
            "gms/lite/webchatservice.min.js", "gms-rest/lite/webchatservice.min.js",
            "purecloud-v2-sockets/lite/webchatservice.min.js", "pureengage-v3-rest/lite/webchatservice.min.js",
            "pureconnect/lite/webchatservice.min.js");
    static final double TOLERANCE = 1.02;

    @ParameterizedTest(name = "{0}")
    @FieldSource("BUILDS")
    void noBuildGrowsPastItsRecordedFigure(String build) throws IOException {
        Properties recorded = new Properties();
        try (InputStream in = BundleSizeTest.class.getResourceAsStream("/bundle-sizes.properties")) {
            recorded.load(in);
        }
        Path file = Path.of("plugins", build);
        assertTrue(Files.exists(file), file + " is missing: build with mvn package (or any phase from process-classes)");
        int size = SizeReport.gzip9(Files.readAllBytes(file));
        int figure = Integer.parseInt(recorded.getProperty(build, "0"));
        assertTrue(size <= figure * TOLERANCE, build + " is " + size + " B gzip -9, over 2 % above the recorded "
                + figure + " B: make it smaller, or record the new figure in bundle-sizes.properties and say why");
    }
}
