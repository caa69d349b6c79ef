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
        String widgets = System.getProperty("sandbox.widgets");
        if (widgets != null) {
            sideBySide(Path.of(widgets));
        }
    }

    /**
     * With {@code -Dsandbox.widgets=<a Genesys Widgets 9.0.018.07 distribution>}: a Genesys page's JavaScript per back
     * end with their WebChatService (loader, its legacy or next-gen module, the transport module) against the same
     * page with our build for Genesys pages in its place, and with our lite build; both pages load their cxbus and
     * widgets-core.
     */
    private static void sideBySide(Path dist) throws IOException {
        int page = gzip9(Files.readAllBytes(dist.resolve("cxbus.min.js")))
                + gzip9(Files.readAllBytes(dist.resolve("plugins/widgets-core.min.js")));
        int loader = gzip9(Files.readAllBytes(dist.resolve("plugins/webchatservice.min.js")));
        String[][] backEnds = {
            {"GMS", "webchatservicelegacy.mod.js", null, "gms"},
            {"GMS, REST only", "webchatservicelegacy.mod.js", null, "gms-rest"},
            {"Genesys Cloud", "webchatservicenextgen.mod.js", "pure-cloud-v2-sockets-transport.mod.js",
                "purecloud-v2-sockets"},
            {"Multicloud CX v3", "webchatservicenextgen.mod.js", "pure-engage-v3-rest-transport.mod.js",
                "pureengage-v3-rest"},
            {"PureConnect", "webchatservicenextgen.mod.js", "pure-connect-v4-rest-transport.mod.js", "pureconnect"},
            {"PureConnect bots", "webchatservicenextgen.mod.js", "pure-connect-v4-bots-transport.mod.js",
                "pureconnect"},
        };
        System.out.printf("%nGenesys page (cxbus + widgets-core: %d B gzip -9) with their service and with ours:%n",
                page);
        System.out.printf("%-18s %12s %12s %12s %12s %7s %12s %7s%n", "back end", "theirs", "ours", "page theirs",
                "page ours", "ratio", "ours lite", "ratio");
        for (String[] b : backEnds) {
            int theirs = loader + gzip9(Files.readAllBytes(dist.resolve("plugins/" + b[1])))
                    + (b[2] == null ? 0 : gzip9(Files.readAllBytes(dist.resolve("plugins/" + b[2]))));
            Path oursFile = Path.of("plugins", b[3], "webchatservice.min.js");
            if (!Files.exists(oursFile)) {
                continue;
            }
            int ours = gzip9(Files.readAllBytes(oursFile));
            int lite = gzip9(Files.readAllBytes(Path.of("plugins", b[3], "lite", "webchatservice.min.js")));
            System.out.printf("%-18s %12d %12d %12d %12d %6.2fx %12d %6.2fx%n", b[0], theirs, ours, page + theirs,
                    page + ours, (double) (page + ours) / (page + theirs), lite,
                    (double) (page + lite) / (page + theirs));
        }
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
