package org.wcs.sandbox.gms;

/**
 * A fault the CometD emulator plays on the next {@code times} occasions. On a {@code /meta/connect} as it arrives:
 * {@code REFUSE} answers HTTP 503 with no body, {@code FAIL} answers {@code successful:false} (retry advice). On a
 * connect's answer (immediate or after the hold, so the pushes it carries are lost with it): {@code DROP} breaks the
 * connection halfway through the answer, {@code MALFORMED} sends a body that is not JSON. On pushes: {@code DELAY} holds each back {@code value}
 * ms (order kept), {@code STATUS_ONE} makes it {@code statusCode:1} without events.
 */
public record CometFault(Kind kind, int times, int value) implements Faults.Counted<CometFault> {
    public enum Kind { REFUSE, FAIL, DROP, MALFORMED, DELAY, STATUS_ONE }

    public static CometFault refuseConnects(int times) {
        return new CometFault(Kind.REFUSE, times, 0);
    }

    public static CometFault failConnects(int times) {
        return new CometFault(Kind.FAIL, times, 0);
    }

    public static CometFault dropConnects(int times) {
        return new CometFault(Kind.DROP, times, 0);
    }

    public static CometFault malformedConnects(int times) {
        return new CometFault(Kind.MALFORMED, times, 0);
    }

    public static CometFault delayPushes(int ms, int times) {
        return new CometFault(Kind.DELAY, times, ms);
    }

    public static CometFault statusOne(int times) {
        return new CometFault(Kind.STATUS_ONE, times, 0);
    }

    @Override
    public CometFault used() {
        return new CometFault(kind, times - 1, value);
    }
}
