package org.wcs.transport;

/**
 * Base64 over "byte strings" (one char per byte, 0-255), the form binary HTTP bodies take here. Decoding accepts
 * both alphabets (standard and URL-safe, as JWTs use), with or without padding, and skips anything else.
 */
public final class Base64 {
    private static final String ABC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Base64() {
    }

    public static String encode(String bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length(); i += 3) {
            int n = bytes.length() - i;
            int b = (bytes.charAt(i) & 255) << 16 | (n > 1 ? (bytes.charAt(i + 1) & 255) << 8 : 0)
                    | (n > 2 ? bytes.charAt(i + 2) & 255 : 0);
            for (int k = 0; k < 4; k++) {
                out.append(k <= n ? ABC.charAt(b >> 18 - 6 * k & 63) : '=');
            }
        }
        return out.toString();
    }

    public static String decode(String text) {
        StringBuilder out = new StringBuilder();
        int bits = 0;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = sextet(text.charAt(i));
            if (v >= 0) {
                bits = bits << 6 | v;
                count += 6;
                if (count >= 8) {
                    count -= 8;
                    out.append((char) (bits >> count & 255));
                }
            }
        }
        return out.toString();
    }

    /**
     * The 6-bit value of a digit of either alphabet, -1 for anything else. Computed rather than found with
     * {@code ABC.indexOf(c)}: a search for a char costs the bundle (see CharSearchTest).
     */
    private static int sextet(char c) {
        return c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
    }
}
