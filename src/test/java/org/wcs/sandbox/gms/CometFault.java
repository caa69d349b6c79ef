package org.wcs.sandbox.gms;

/**
 * A fault the CometD emulator plays on the next {@code times} occasions. On a {@code /meta/connect} as it arrives:
 * {@code REFUSE} answers HTTP 503 with no body, {@code FAIL} answers {@code successful:false} (retry advice). On a
 * connect's answer (immediate or after the hold, so the pushes it carries are lost with it): {@code DROP} breaks the
 * connection halfway through the answer, {@code MALFORMED} sends a body that is not JSON. On pushes: {@code DELAY} holds each back {@code value}
 * ms (order kept), {@code STATUS_ONE} makes it {@code statusCode:1} without events. {@code HTTP} answers a connect
 * with HTTP status {@code value} and no body ({@code Retry-After} when {@code retryAfter} is positive); on an answer
 * that carries pushes, {@code DUPLICATE} sends each push twice; {@code REORDER} reverses the events of the next push
 * that carries more than one. {@code LOSE_SEND}: the next {@code sendMessage} publish takes effect, but the answer to
 * its request is lost in transit.
 */
public record CometFault(Kind kind, int times, int value, int retryAfter) implements Faults.Counted<CometFault> {
    public enum Kind { REFUSE, FAIL, DROP, MALFORMED, DELAY, STATUS_ONE, HTTP, DUPLICATE, REORDER, LOSE_SEND }

    public CometFault(Kind kind, int times, int value) {
        this(kind, times, value, 0);
    }

    public static CometFault http(int status, int times, int retryAfterSeconds) {
        return new CometFault(Kind.HTTP, times, status, retryAfterSeconds);
    }

    public static CometFault duplicate(int times) {
        return new CometFault(Kind.DUPLICATE, times, 0);
    }

    public static CometFault reorder(int times) {
        return new CometFault(Kind.REORDER, times, 0);
    }

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

    public static CometFault loseSend() {
        return new CometFault(Kind.LOSE_SEND, 1, 0);
    }

    public static CometFault statusOne(int times) {
        return new CometFault(Kind.STATUS_ONE, times, 0);
    }

    @Override
    public CometFault used() {
        return new CometFault(kind, times - 1, value, retryAfter);
    }
}
