package org.wcs.jsapi;

import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The error events of the API ({@code {error: {code, description, details?}}}, spec §4.1) and the one mapping from
 * what the core rejects with (a GMS body, a jqXHR-like failure, a text) to a code (spec §4.3).
 */
final class Failures {
    private Failures() {
    }

    static Value event(int code) {
        return Values.object().set("error", Values.object().set("code", code)
                .set("description", ChatServiceTexts.description(code)));
    }

    /** The error event for a core rejection, with {@code details} copied from the GMS answer when there is one. */
    static Value fromCore(Value reason) {
        Value event = event(code(reason));
        Value body = body(reason);
        if (reason.isRecord()) {
            Value details = Values.object();
            if (reason.get("status").isNumber()) {
                details.set("httpStatus", reason.get("status"));
            }
            if (body.get("statusCode").isNumber()) {
                details.set("statusCode", body.get("statusCode"));
            }
            Value errors = body.get("errors");
            if (errors.isArray()) {
                Value list = Values.array();
                for (int i = 0; i < errors.length(); i++) {
                    list.push(Values.object().set("code", errors.at(i).get("code"))
                            .set("advice", errors.at(i).get("advice")));
                }
                details.set("gmsErrors", list);
            }
            event.get("error").set("details", details);
        } else if (reason.isString()) {
            event.get("error").set("details", Values.object().set("cause", reason));
        }
        return event;
    }

    /** The GMS body of a rejection: itself, or the JSON of a failed request. */
    static Value body(Value reason) {
        return reason.get("status").isNumber() ? reason.get("responseJSON") : reason;
    }

    /** Whether the rejection says the chat does not exist (GMS error 404). */
    static boolean chatGone(Value reason) {
        return gmsCode(body(reason), 404);
    }

    static int code(Value reason) {
        if (reason.isString()) {
            return reason.str().equals(TransportTexts.NO_ACTIVE_SESSION) ? ChatServiceTexts.UNKNOWN_SESSION
                    : ChatServiceTexts.NETWORK; // the CometD client's own failures (handshake, publish)
        }
        if (!reason.isRecord()) {
            return ChatServiceTexts.EXECUTION_ERROR;
        }
        boolean http = reason.get("status").isNumber();
        int status = http ? (int) reason.get("status").num() : 200;
        Value body = body(reason);
        int statusCode = body.get("statusCode").isNumber() ? (int) body.get("statusCode").num() : -1;
        if (status == 0) {
            return ChatServiceTexts.NETWORK;
        }
        if (statusCode == 1 || gmsCode(body, 240) || gmsCode(body, 503) || gmsCode(body, 306)
                || !body.get("errors").isArray() && (status == 404 || status == 500 || status == 502)) {
            return ChatServiceTexts.SERVER_UNAVAILABLE;
        }
        if (gmsCode(body, 401) || status == 401 || status == 403) {
            return ChatServiceTexts.LOGIN_FAILED;
        }
        if (gmsCode(body, 404)) {
            return ChatServiceTexts.UNKNOWN_SESSION;
        }
        if (gmsCode(body, 102) || gmsCode(body, 103) || gmsCode(body, 161) || gmsCode(body, 204)
                || gmsCode(body, 364)) {
            return ChatServiceTexts.BAD_PARAMETER;
        }
        return ChatServiceTexts.EXECUTION_ERROR;
    }

    private static boolean gmsCode(Value body, int code) {
        Value errors = body.get("errors");
        for (int i = 0; i < errors.length(); i++) {
            if (errors.at(i).get("code").num() == code) {
                return true;
            }
        }
        return false;
    }
}
