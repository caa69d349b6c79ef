package org.wcs.tabs;

import org.wcs.value.Value;

/**
 * The one rule, for every back end, that tells a send the network failed from a send the server refused. Only the
 * first kind is kept by the {@link Outbox}: the message may or may not have reached the server, so it is compared with
 * the transcript before it goes again. How each back end's failed send looks (read from its transport):
 * <ul>
 * <li>GMS REST and v3: the jqXHR-like {@code {status, responseText, responseJSON}}, {@code status} 0 when no answer
 * came (network, time limit, abort);
 * <li>CometD: a publish without an acknowledgement fails with {@code {status}} of the HTTP answer, 0 when none came;
 * <li>Genesys Cloud: {@code {code: "MessageFailed", text, response: {status, responseJSON}}};
 * <li>PureConnect (REST and chat bots): the send rejects with nothing, as the original's; the {@code error} report the
 * transport makes just before carries {@code {errors: [{code, response: {status, ...}}]}}.
 * </ul>
 * Status 0 is no answer at all: a failed network, a time limit, an abort. Any answer (a 429, a gateway's 502 or 503
 * included) is the server's or its gateway's word that the message was not taken: the command rejects with it, as the
 * original's did, and the WebChat UI shows MessageFailed and puts the text back. The connection report a failure may
 * bring (GMS REST counts a failed send into its outage) needs no reading here: the outbox waits for the connection
 * in any case.
 */
final class SendFailure {
    private SendFailure() {
    }

    /**
     * Whether a send that failed with {@code reason} got no answer, and may have reached the server; {@code error} is
     * the transport's last {@code error} report since the send went (or null).
     */
    static boolean unanswered(Value reason, Value error) {
        double status = status(reason);
        if (status != status && reason.isUndefined() && error != null) {
            status = status(error.get("errors").at(0));
        }
        return status == 0;
    }

    /** {@code v.status}, else {@code v.response.status}, else NaN. */
    private static double status(Value v) {
        Value s = v.get("status");
        if (!s.isNumber()) {
            s = v.get("response").get("status");
        }
        return s.isNumber() ? s.num() : Double.NaN;
    }
}
