package org.wcs.transport.gms;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.wcs.jvm.Js;
import org.wcs.sandbox.gms.CometdEmulator;
import org.wcs.value.Value;

/**
 * The real plugin with the GMS transport in CometD mode on a JVM page, against the CometD emulator over loopback: the
 * REST fixture's sandbox, pages and transcript helpers, with a {@code cometD} configuration.
 */
abstract class CometdFixture extends GmsFixture {
    static CometdEmulator comet;

    @BeforeAll
    static void cometd() {
        comet = sandbox.emulator(CometdEmulator.class);
    }

    /** The {@code cometD} block of each page's configuration; tests override to add options. */
    Value cometD() {
        return Js.obj("enabled", true, "cometURL", sandbox.url() + CometdEmulator.PATH,
                "apiURL", sandbox.url() + CometdEmulator.FILES);
    }

    @Override
    Value config() {
        return Js.obj("cometD", cometD());
    }

    /** Bayeux sessions and faults left by earlier tests are forgotten before each page opens. */
    @Override
    @BeforeEach
    void open() {
        comet.reset();
        super.open();
    }

    /** Event names without data keys and {@code messageReceived}, whose batching depends on timing. */
    static String kinds(List<String> events) {
        return String.join(",", events.stream().map(e -> e.split(" ")[0])
                .filter(e -> !e.startsWith("data.") && !e.equals("messageReceived")).toList());
    }
}
