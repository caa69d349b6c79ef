package org.wcs.tabs;

/** What the tab sharing says to page code, in one place. All ours: the original ran each tab alone. */
public final class TabTexts {
    private TabTexts() {
    }

    /** A start while another tab's chat runs or starts (the service's own words for a start during a chat). */
    public static final String ALREADY_ACTIVE = "There is already an active chat session";
    /** A command whose data cannot be copied to the tab that holds the connection. */
    public static final String NOT_CARRIED = "This command's data cannot be passed to the tab that holds the chat's"
            + " connection: it must be plain data or a file";
    /** A message kept while the connection was down, when the chat ends before it could be sent. */
    public static final String ENDED_UNSENT = "The chat ended before this message could be sent";
}
