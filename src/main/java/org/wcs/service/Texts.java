package org.wcs.service;

/**
 * Every text the service gives page code when it refuses a command, exactly as the specs name them. Tests
 * compare against these constants; texts that transports give too are in {@link org.wcs.transport.TransportTexts}.
 */
public final class Texts {
    private Texts() {
    }

    public static final String INVALID_CONFIGURATION = "Invalid configuration";
    public static final String ALREADY_ACTIVE = "There is already an active chat session";
    public static final String NO_ACTIVE_SESSION_DOT = "No active chat session.";
    public static final String MALFORMED_USER_DATA = "malformed JSON provided in userData property";
    /** Ours (the original merged anything): for data that is no object or cannot be sent as JSON. */
    public static final String INVALID_USER_DATA = "userData must be an object that can be sent as JSON";
    public static final String INVALID_INTERACTION_DATA = "interactionData must be an object that can be sent as JSON";
    public static final String INVALID_FORM = "form must be an object that can be sent as JSON";
    public static final String NO_MESSAGE_TEXT = "No message text provided";
    public static final String MESSAGE_TOO_LONG_PREFIX = "Message length exceeds configured threshold of (";
    public static final String MESSAGE_TOO_LONG_SUFFIX = ") characters";
    public static final String BAD_FILTERS = "Missing or invalid filters provided. Please provide a regular expression"
            + " or an array of regular expressions";
    public static final String NO_PREPROCESSOR_PREFIX = "No preprocessor function provided. Type provided was '";
    public static final String NO_PREPROCESSOR_SUFFIX = "'.";
    public static final String BAD_PREVIEW_INPUT = "Invalid value provided for the 'input' property. An HTML element"
            + " reference to a textarea or text input is required.";
    public static final String ACCESS_DENIED =
            "Access Denied to private command. Only WebChatService is allowed to invoke this command";
    public static final String ALREADY_RESTORING = "Already restoring. Ignoring request.";
    public static final String RESTORE_WHILE_ACTIVE = "Chat session is already active, ignoring restore command.";
    /** Ours: the originals threw (and left the command pending) on these. */
    public static final String NO_FILE = "No file provided";
    /** Ours: what a build for Genesys pages (no bus of its own) says on the console of a page without a CXBus. */
    public static final String NO_PAGE_BUS = "WebChatService: this build is for Genesys Widgets pages and this page has"
            + " no window.CXBus; the chat is not started. Use plugins/webchatservice.min.js, which brings its own bus.";
    /** Ours: the {@code error} event's {@code errorReason} for a fault of ours caught at the browser's edge. */
    public static final String INTERNAL_ERROR_REASON = "InternalError";
    /** Ours: the {@code error} event's {@code errorReason} and {@code message} when the browser stores no cookie. */
    public static final String COOKIES_UNAVAILABLE_REASON = "CookiesUnavailable";
    public static final String COOKIES_UNAVAILABLE = "This page cannot store cookies: the chat runs, but it cannot be"
            + " restored after the page is reloaded";
}
