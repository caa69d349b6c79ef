package org.wcs.transport.pureconnect;

import org.wcs.transport.Backoff;
import org.wcs.transport.Reply;
import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportListener;
import org.wcs.transport.TransportTexts;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * What PureConnect's two transports share: their configuration, host pool, roster and back-off, the restore the
 * WebChat UI asks for ({@code asyncRestore}, which first says there are no uploads: the original never did, Q13), and
 * the commands PureConnect does not have, refused with the original's texts (it threw on some, Q14).
 */
abstract class PureConnectTransport implements Transport, Call.Owner, Runnable {
    final TransportContext context;
    final TransportListener listener;
    final Settings settings;
    final Hosts hosts;
    final Roster roster = new Roster();
    final Backoff backoff;
    private boolean capabilitiesAnnounced;

    PureConnectTransport(TransportContext context, String type, int backoffBaseMs) {
        this.context = context;
        this.listener = context.listener;
        this.settings = new Settings(context, type);
        this.hosts = new Hosts(settings.hosts);
        this.backoff = new Backoff(context.platform.random, backoffBaseMs, Backoff.cap(context));
    }

    @Override
    public void asyncRestore(Reply reply) {
        if (!capabilitiesAnnounced) {
            capabilitiesAnnounced = true;
            listener.capabilities(Values.object().set("fileUpload", false));
        }
        restore(Values.undefined(), reply);
    }

    @Override
    public String resumeCommand() {
        return "asyncRestore";
    }

    @Override
    public void fetchHistory(Reply reply) {
        reply.fail(Values.of(TransportTexts.HISTORY_NEEDS_ASYNC));
    }

    @Override
    public void sendFile(Value file, Reply reply) {
        reply.fail(Values.of(PureConnectTexts.NO_SENDING_FILES));
    }

    @Override
    public String noChatText(int what) { // the original's words without a chat (DifferentialIT)
        return what == Transport.NO_CHAT_TYPING ? PureConnectTexts.NO_ACTIVE_SESSION_STOP
                : what == Transport.NO_CHAT_UPLOAD ? PureConnectTexts.NO_SENDING_FILES
                : TransportTexts.NO_ACTIVE_SESSION;
    }

    @Override
    public boolean checksTextFirst() {
        return true;
    }

    @Override
    public boolean uploads() { // a file or none, the original says it sends none
        return false;
    }

    @Override
    public void resetPollExceptions(Reply reply) {
        reply.fail(Values.of(TransportTexts.NO_POLL_EXCEPTIONS));
    }
}
