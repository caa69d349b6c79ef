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
    public static final String COMETD_FAILED = "CometD is not configured or there is a connection issue";
}
