package org.wcs.platform;

/**
 * Cookies with js-cookie 2.x encoding, so values written here read the same from Genesys code and back: values are
 * URI-encoded except for the characters js-cookie leaves as they are (so JSON keeps its braces and colons).
 */
public final class CookieJar {
    /** The %XX sequences js-cookie turns back into their characters after encodeURIComponent. */
    private static final String KEPT = "23 24 26 2B 3A 3C 3E 3D 2F 3F 40 5B 5D 5E 60 7B 7D 7C";

    private final Cookies cookies;
    private final Page page;

    public CookieJar(Cookies cookies, Page page) {
        this.cookies = cookies;
        this.page = page;
    }

    /** The decoded value, or null. */
    public String get(String name) {
        String raw = cookies.get(name);
        return raw == null ? null : page.decodeUri(raw);
    }

    public void set(String name, String value, CookieOptions options) {
        cookies.set(name, encode(page.encodeUri(value)), options.attributes(false));
    }

    public void remove(String name, CookieOptions options) {
        cookies.set(name, "", options.attributes(true));
    }

    private static int hex(char c) {
        return c <= '9' ? c - '0' : c - 'A' + 10;
    }

    static String encode(String uriEncoded) {
        StringBuilder sb = new StringBuilder(uriEncoded.length());
        for (int i = 0; i < uriEncoded.length(); i++) {
            char c = uriEncoded.charAt(i);
            if (c == '%' && i + 2 < uriEncoded.length() && KEPT.contains(uriEncoded.substring(i + 1, i + 3))) {
                sb.append((char) (hex(uriEncoded.charAt(i + 1)) * 16 + hex(uriEncoded.charAt(i + 2))));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
