package org.wcs.sandbox.nexus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client tokens: HS256 JWTs with the claims Nexus puts in them ({@code sessionId}, {@code transportId},
 * {@code participantId}) plus a nonce {@code n}. The Genesys widget decodes the payload with plain base64 and fails on
 * {@code -} and {@code _}, so a payload is re-issued with another nonce until it has neither (spec 3.5).
 */
final class NexusTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private byte[] secret;
    private int generation;

    NexusTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Invalidates every token issued so far (token expiry, for tests). */
    synchronized void rotate() {
        generation++;
        String rotated = "rotated-" + generation + new String(secret, StandardCharsets.UTF_8);
        secret = rotated.getBytes(StandardCharsets.UTF_8);
    }

    /** A token for these ids whose payload segment has only letters and digits; null if none can be made. */
    synchronized String issue(String sessionId, String transportId, String participantId, java.util.Random random) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sessionId", sessionId);
            claims.put("transportId", transportId);
            claims.put("participantId", participantId);
            claims.put("n", Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
            String payload = B64.encodeToString(json(claims));
            if (payload.indexOf('-') < 0 && payload.indexOf('_') < 0) {
                String head = B64.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8));
                return head + "." + payload + "." + sign(head + "." + payload);
            }
        }
        return null;
    }

    /** The claims of a token this server signed, or null (missing, malformed, forged or rotated away). */
    @SuppressWarnings("unchecked")
    synchronized Map<String, Object> verify(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !sign(parts[0] + "." + parts[1]).equals(parts[2])) {
            return null;
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
        } catch (Exception e) {
            return null;
        }
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
