package org.wcs.transport.nexus;

import org.wcs.transport.Base64;
import org.wcs.value.JsError;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * The claims of a client token. The payload is read, not verified (the server does that), with a real base64url
 * decoder: the original fed it to {@code atob} and failed on {@code -} and {@code _} (spec 3.5, quirk 14). The
 * claims the chat needs are ids, so the decoded bytes are parsed as they are (non-ASCII claims would be garbled).
 */
final class Jwt {
    private Jwt() {
    }

    /**
     * {@code {sessionId, participantId, transportId, ..., token}}: every claim plus the token itself; null when the
     * token is not a string, not a JWT, or names no session.
     */
    static Value claims(Value token) {
        String jwt = token.str("");
        int first = jwt.indexOf(".") + 1;
        int second = jwt.indexOf(".", first);
        if (second < first) {
            return null;
        }
        try {
            Value claims = Values.parse(Base64.decode(jwt.substring(first, second)));
            return claims.get("sessionId").isString() ? claims.set("token", jwt) : null;
        } catch (JsError e) {
            return null;
        }
    }
}
