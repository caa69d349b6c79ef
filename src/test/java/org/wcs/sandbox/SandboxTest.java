package org.wcs.sandbox;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** JVM test classes that talk to the emulators over loopback: one sandbox per class, on a free port. */
public abstract class SandboxTest {
    protected static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(0, Path.of("."));
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        sandbox.close();
    }
}
