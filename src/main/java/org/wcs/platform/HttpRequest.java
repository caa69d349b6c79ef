package org.wcs.platform;

import org.wcs.util.Arr;
import org.wcs.value.Value;
import org.wcs.value.Values;

/**
 * One HTTP request. The body is text ({@link #body}), or multipart form data ({@link #parts}) when a file or a
 * browser FormData is needed. Built with the fluent setters, then handed to {@link Http#send}.
 */
public final class HttpRequest {
    public final String method;
    public final String url;
    /** Header names and values, alternating. */
    public final Arr<String> headers = new Arr<>();
    public String body;
    /** Multipart parts: name, then a string {@link Value} or a browser File/Blob {@link Value}, alternating. */
    public Arr<Object> parts;
    public int timeoutMs;
    public boolean withCredentials;
    /**
     * Properties set on the browser's XMLHttpRequest as soon as it is opened, as jQuery's {@code xhrFields} (every
     * one, {@code withCredentials} included); the request's own settings come after them, except a shorter
     * {@code timeout}, which stays. Null for none.
     */
    public Value fields;
    /** Read the answer as bytes: {@link HttpResponse#body} then holds one char (0-255) per byte. */
    public boolean binary;

    public HttpRequest(String method, String url) {
        this.method = method;
        this.url = url;
    }

    public HttpRequest header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    public HttpRequest body(String contentType, String text) {
        header("Content-Type", contentType);
        body = text;
        return this;
    }

    public HttpRequest part(String name, Value value) {
        if (parts == null) {
            parts = new Arr<>();
        }
        parts.add(name);
        parts.add(value);
        return this;
    }

    public HttpRequest timeout(int ms) {
        timeoutMs = ms;
        return this;
    }

    public HttpRequest credentials(boolean with) {
        withCredentials = with;
        return this;
    }

    public HttpRequest fields(Value xhrFields) {
        fields = xhrFields;
        return this;
    }

    /** The first header of that name (case-insensitive), or null. */
    public String header(String name) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (Values.lower(headers.get(i)).equals(Values.lower(name))) {
                return headers.get(i + 1);
            }
        }
        return null;
    }
}
