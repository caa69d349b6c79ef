package org.wcs.sandbox;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The sandbox's front door, before every route and WebSocket upgrade: a request whose {@code Host} the sandbox does
 * not answer to gets 421, and every other one carries the {@link Access} policy for {@link Exchange#cors()}.
 */
final class HostGuard extends Handler.Wrapper {
    private final Access access;

    HostGuard(Access access, Handler next) {
        super(next);
        this.access = access;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // The header, not the parsed URI: it is what a browser sends for the name it resolved, and what a
        // rebinding page cannot choose.
        if (!access.hostAllowed(request.getHeaders().get(HttpHeader.HOST))) {
            Refusals.send(response, callback, 421, Refusals.UNKNOWN_HOST);
            return true;
        }
        request.setAttribute(Access.ATTRIBUTE, access);
        return super.handle(request, response, callback);
    }
}
