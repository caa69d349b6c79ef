package org.wcs.contract;

import java.util.function.Consumer;

/**
 * One fault on one back end: how its emulator plays it ({@code inject}, and {@code heal} once the page has noticed an
 * outage, for faults that last until the server is repaired), or, when {@code inject} is null, why the fault does not
 * apply to this back end. {@code ends} is set when the back end's specified answer to the fault is to lose the session.
 */
record FaultCase(FaultKind kind, String how, Consumer<ContractPage> inject, Consumer<ContractPage> heal,
        String notApplicable, String ends) {
    static FaultCase of(FaultKind kind, String how, Consumer<ContractPage> inject) {
        return new FaultCase(kind, how, inject, null, null, null);
    }

    static FaultCase healed(FaultKind kind, String how, Consumer<ContractPage> inject, Consumer<ContractPage> heal) {
        return new FaultCase(kind, how, inject, heal, null, null);
    }

    /** A fault after which the back end's contract is to lose the session ({@code why}: where that is specified). */
    static FaultCase ends(FaultKind kind, String how, Consumer<ContractPage> inject, String why) {
        return new FaultCase(kind, how, inject, null, null, why);
    }

    static FaultCase none(FaultKind kind, String why) {
        return new FaultCase(kind, null, null, null, why, null);
    }

    @Override
    public String toString() {
        return kind.label;
    }

    boolean applies() {
        return inject != null;
    }
}
