package org.wcs.sandbox.pureconnect;

import java.util.List;

/**
 * One injected failure for the next request to a route of the PureConnect emulator (spec pureconnect-v4 §15.6): an
 * HTTP error with an ICWS error body (with or without the {@code status} field the widget reads, and for 503 with or
 * without {@code alternateHostList}), a dropped connection, a body that is not JSON, an empty 200, a delay before
 * the normal answer, or the normal answer lost in transit after the request took effect ({@code lost}).
 */
public record Fault(int status, String errorId, boolean statusField, List<String> alternates, boolean dropped,
        boolean garbled, boolean emptyOk, long delayMs, String rawBody, boolean lost) {

    Fault(int status, String errorId, boolean statusField, List<String> alternates, boolean dropped,
            boolean garbled, boolean emptyOk, long delayMs, String rawBody) {
        this(status, errorId, statusField, alternates, dropped, garbled, emptyOk, delayMs, rawBody, false);
    }

    Fault(int status, String errorId, boolean statusField, List<String> alternates, boolean dropped,
            boolean garbled, boolean emptyOk, long delayMs) {
        this(status, errorId, statusField, alternates, dropped, garbled, emptyOk, delayMs, null);
    }

    /** An answer with this status and JSON body, e.g. a start answer without {@code chatId}. */
    public static Fault answer(int status, String json) {
        return new Fault(status, null, false, null, false, false, false, 0, json);
    }

    /** An ICWS error: {@code {errorId, message, status}}. */
    public static Fault http(int status, String errorId) {
        return new Fault(status, errorId, true, null, false, false, false, 0);
    }

    /** An ICWS error as a stock server sends it: no {@code status} in the body. */
    public static Fault stock(int status, String errorId) {
        return new Fault(status, errorId, false, null, false, false, false, 0);
    }

    /** 503 naming other hosts to try. */
    public static Fault unavailable(String... alternates) {
        return new Fault(503, "error.server.unavailable", true, List.of(alternates), false, false, false, 0);
    }

    public static Fault dropConnection() {
        return new Fault(0, null, false, null, true, false, false, 0);
    }

    /** The request takes effect (a message is stored), but the answer never arrives. */
    public static Fault answerLost() {
        return new Fault(0, null, false, null, false, false, false, 0, null, true);
    }

    public static Fault notJson() {
        return new Fault(200, null, false, null, false, true, false, 0);
    }

    public static Fault empty200() {
        return new Fault(200, null, false, null, false, false, true, 0);
    }

    public static Fault delay(long ms) {
        return new Fault(0, null, false, null, false, false, false, ms);
    }
}
