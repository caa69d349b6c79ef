package org.wcs.service;

/** Every text the service gives page code: rejection reasons, exactly as the specs name them. */
public final class Texts {
    private Texts() {
    }

    public static final String INVALID_CONFIGURATION = "Invalid configuration";
}
