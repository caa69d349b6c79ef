package org.wcs.transport.nexus;

import org.wcs.platform.Http;
import org.wcs.platform.HttpResponse;
import org.wcs.transport.Reply;
import org.wcs.value.Value;

/**
 * One pending step of the transport: the answer to a request, or a timer. A single class for every kind keeps the
 * bundle small; {@link Answers#answer} tells the kinds apart.
 */
final class Call implements Http.Callback, Runnable {
    // Kinds. From RESUME on, a step belongs to a session and is dropped once that session is over.
    static final int CREATE = 0, SEND = 1, USER_DATA = 2, UPLOAD = 3, END = 4, IMAGE = 5, CAPABILITIES = 6,
        RESUME = 7, RESTORE = 8, POLL = 9, HISTORY = 10;

    final NexusTransport transport;
    final int kind;
    /** The session generation the step belongs to: answers for an older session are not acted on. */
    final int session;
    /** The service's chat generation when the step was made ({@link org.wcs.transport.TransportListener#generation}). */
    final int generation;
    final Reply reply;
    /** Kind-specific: the attachment to inline, the ended session's data, the token being resumed. */
    Value subject;
    Batch batch;

    Call(NexusTransport transport, int kind, Reply reply) {
        this.transport = transport;
        this.kind = kind;
        this.session = transport.session;
        this.generation = transport.listener.generation();
        this.reply = reply;
    }

    @Override
    public void onResponse(HttpResponse response) {
        transport.answers.answer(this, response);
    }

    @Override
    public void run() {
        transport.answers.answer(this, null);
    }
}
