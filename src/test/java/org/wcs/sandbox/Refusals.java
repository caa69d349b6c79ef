package org.wcs.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * How the sandbox itself says no (not an emulated back end, which answers in its own format): a status and one line
 * of text. The texts are here so that tests assert against them.
 */
public final class Refusals {
    /** 421 Misdirected Request: the {@code Host} is not one the sandbox answers to. */
    public static final String UNKNOWN_HOST = "This sandbox answers only for 127.0.0.1, localhost, [::1] and the"
            + " hosts added with -Dsandbox.hosts or Sandbox.allowHost.";
    /** 403: a page of another origin tried the control API. */
    public static final String FOREIGN_ORIGIN = "The sandbox API answers only to the sandbox's own pages.";
    /** 413: a body larger than the route accepts. */
    public static final String TOO_LARGE = "The request body is larger than this sandbox route accepts.";

    private Refusals() {
    }

    static void send(Response response, Callback callback, int status, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    }
}
