package org.wcs.contract;

/** The faults of the matrix: one column each. Back ends say for each how their emulator plays it, or why not. */
enum FaultKind {
    CONNECTION_DROP("connection drop"),
    STALLED("stalled connection"),
    HEARTBEAT_LOSS("heartbeats stop"),
    SERVER_ERRORS("5xx burst (5 in a row)"),
    STATUS_ONE("statusCode 1 past pollExceptionLimit"),
    SLOW("answer slower than the request time limit"),
    MALFORMED("malformed JSON"),
    DUPLICATED("duplicated items"),
    REORDERED("re-ordered items"),
    HTTP_401("401"),
    HTTP_403("403"),
    HTTP_404("404"),
    HTTP_429("429 with Retry-After"),
    HTTP_503("503 with Retry-After"),
    SESSION_DROPPED("server ends the session / socket closing"),
    ANSWER_LOST("answer lost after the request took effect");

    final String label;

    FaultKind(String label) {
        this.label = label;
    }
}
