package org.wcs.platform;

import org.wcs.value.Values;

/** Attributes of a cookie write, as js-cookie takes them; {@code maxAgeSeconds < 0} is a session cookie. */
public final class CookieOptions {
    /** How a removal's attributes start: an expiry in the past. */
    static final String EXPIRED = "; expires=Thu, 01 Jan 1970 00:00:00 GMT";

    public String domain;
    public String path = "/";
    public String sameSite;
    public boolean secure;
    public int maxAgeSeconds = -1;

    /** The Set-Cookie tail, e.g. {@code "; path=/; domain=.example.com; samesite=strict; secure"}. */
    String attributes(boolean expire) {
        StringBuilder sb = new StringBuilder();
        if (expire) {
            sb.append(EXPIRED);
        } else if (maxAgeSeconds >= 0) {
            sb.append("; max-age=").append(Values.numberToString(maxAgeSeconds)); // Java int formatting is large
        }
        if (path != null && !path.isEmpty()) {
            sb.append("; path=").append(path);
        }
        if (domain != null && !domain.isEmpty()) {
            sb.append("; domain=").append(domain);
        }
        if (sameSite != null && !sameSite.isEmpty()) {
            sb.append("; samesite=").append(sameSite);
        }
        if (secure) {
            sb.append("; secure");
        }
        return sb.toString();
    }
}
