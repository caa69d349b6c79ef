package org.wcs.transport.gms;

/**
 * Texts of GMS Chat API v2 (REST and CometD), exactly as the specs name them.
 */
public final class GmsTexts {
    private GmsTexts() {
    }

    public static final String ASYNC_NEEDS_COMETD =
            "Invalid configuration. WebChatService supports Async chat only in CometD mode.";
    public static final String POLL_PENDING = "previous poll has not finished";
    public static final String POLLING_WITH_COMETD = "Polling is not supported when using CometD";
    public static final String DOWNLOAD_MISCONFIGURED =
            "Could not download file. Please ensure WebChat is configured properly.";
    /** Ours: the REST-only GMS build was given a configuration that enables CometD. */
    public static final String NO_COMETD_IN_BUILD = "Invalid configuration. This build of WebChatService speaks GMS over"
            + " REST only: take plugins/gms/webchatservice.min.js for CometD.";
    public static final String COMETD_FAILED = "CometD is not configured or there is a connection issue";
}
