package org.wcs.transport.gms;

import org.wcs.transport.Reply;
import org.wcs.value.Value;

/**
 * The CometD side of the GMS transport as {@link GmsTransport} sees it (spec gms-v2 §13). It is an interface so that
 * a build without CometD (no {@link GmsPushes}) holds none of the Bayeux code: TeaVM drops an implementation that is
 * never constructed.
 */
interface GmsPush {
    /** Publishes a call ({@code op} in REST's words: null is requestChat, "send", and "refresh" for a restore). */
    void publish(String op, Value fields, int kind, Reply reply);

    /** {@code cometD.apiURL}, the file endpoint; "" when not configured. */
    String apiUrl();

    /**
     * The chat ended ({@code bye}: the server is told the client goes), or another tab runs it now (no word to the
     * server, which drops the connection in its own time): the connection closes.
     */
    void close(boolean bye);
}
