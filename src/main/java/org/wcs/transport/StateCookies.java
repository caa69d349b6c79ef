package org.wcs.transport;

import org.wcs.value.Value;

/**
 * The site's chat-state cookies as a transport uses them: named (with {@code main.deploymentID}) and scoped (domain,
 * path, SameSite, Secure, {@code main.cookieOptions}) by the service, which owns that policy.
 */
public interface StateCookies {
    /** The prefix of every chat-state cookie, as Genesys Widgets names them. */
    String STATE = "_genesys.widgets.webchat.state.";

    /** The full cookie name of {@code name} on this site (the deployment's prefix added). */
    String name(String name);

    /** The decoded value, or null. */
    String get(String name);

    void set(String name, String value);

    void remove(String name);

    /**
     * {@code {domain, path, samesite}} as Genesys's {@code getCookieOptions()} returns it (note the lower case), plus
     * {@code secure: true} when the site's cookies are Secure (https pages).
     */
    Value optionsValue();
}
