package org.wcs.tabs;

/** Hears that another tab's WebChat window was minimised or restored ({@code webchat.syncTabs}). */
public interface WindowMirror {
    void minimized(boolean minimized);
}
