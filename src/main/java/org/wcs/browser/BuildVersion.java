package org.wcs.browser;

import org.teavm.jso.JSBody;
import org.wcs.platform.Platform;

/**
 * The version the build stamped into the bundle. {@code WCS_VERSION} is no variable of the page: the minifier
 * (src/build/minifier/minify.mjs) replaces it with the POM's version as a string constant, and folds the test away.
 * A bundle that skipped the minifier reads {@link Platform#UNSTAMPED}.
 */
final class BuildVersion {
    private BuildVersion() {
    }

    @JSBody(script = "return typeof WCS_VERSION==='string'?WCS_VERSION:'" + Platform.UNSTAMPED + "';")
    static native String stamped();
}
