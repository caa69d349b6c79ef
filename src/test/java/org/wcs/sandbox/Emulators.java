package org.wcs.sandbox;

import java.util.ArrayList;
import java.util.List;

/** The back ends the sandbox emulates, each installed on every sandbox server. One line per back end. */
final class Emulators {
    private Emulators() {
    }

    static List<Emulator> all() {
        List<Emulator> out = new ArrayList<>();
        org.wcs.sandbox.gms.GmsEmulator gms = new org.wcs.sandbox.gms.GmsEmulator();
        out.add(gms);
        out.add(new org.wcs.sandbox.gms.CometdEmulator(gms)); // the same chats, over CometD
        out.add(new org.wcs.sandbox.purecloud.PureCloudEmulator());
        out.add(new org.wcs.sandbox.nexus.NexusEmulator());
        out.add(new org.wcs.sandbox.pureconnect.PureConnectEmulator());
        return out;
    }
}
