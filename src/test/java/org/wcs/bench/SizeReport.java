package org.wcs.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Size benchmark (not a test): bytes of the shipped bundles unminified, minified and gzip -9, against the budget.
 * Run with {@code mvn -q -Psize -DskipTests -Dteavm.js.stats=true package}; TeaVM prints where the bytes go.
 */
public final class SizeReport {
    static final int BUDGET_GZIP = 30 * 1024;

    private SizeReport() {
    }

    public static void main(String[] args) throws IOException {
        Path unminified = Path.of("target/teavm-unminified/webchatservice.js");
        Path shipped = Path.of("plugins/webchatservice.min.js");
        Path bus = Path.of("plugins/cxbus.min.js");
        System.out.printf("%-34s %10s %10s%n", "bundle", "bytes", "gzip -9");
        if (Files.exists(unminified)) {
            row("webchatservice (unminified)", Files.readAllBytes(unminified));
        }
        int gz = row("plugins/webchatservice.min.js", Files.readAllBytes(shipped));
        row("plugins/cxbus.min.js (test helper)", Files.readAllBytes(bus));
        for (String build : BundleSizeTest.BUILDS) {
            if (!build.equals("webchatservice.min.js")) {
                row("plugins/" + build, Files.readAllBytes(Path.of("plugins", build)));
            }
        }
        System.out.printf("budget: %d bytes gzip -9 for the plugin; used %d (%.1f %%)%n", BUDGET_GZIP, gz,
                100.0 * gz / BUDGET_GZIP);
    }

    private static int row(String name, byte[] bytes) throws IOException {
        int gz = gzip9(bytes);
        System.out.printf("%-34s %10d %10d%n", name, bytes.length, gz);
        return gz;
    }

    /** Same as {@code gzip -9 | wc -c} give or take the header's few bytes. */
    public static int gzip9(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        }
        return out.size();
    }
}
