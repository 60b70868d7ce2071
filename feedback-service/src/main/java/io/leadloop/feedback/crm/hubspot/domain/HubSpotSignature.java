package io.leadloop.feedback.crm.hubspot.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's request signature v3: {@code X-HubSpot-Signature-v3 = base64(HMAC-SHA256(client secret, method + URI +
 * body + timestamp))}, where the timestamp is {@code X-HubSpot-Request-Timestamp} (epoch millis) and a request older
 * than five minutes is refused (replay protection).
 */
public final class HubSpotSignature {

    /** HubSpot signs the URI with these characters decoded (request-validation docs). */
    private static final Map<String, String> DECODED = Map.ofEntries(Map.entry("%3A", ":"), Map.entry("%2F", "/"),
            Map.entry("%3F", "?"), Map.entry("%40", "@"), Map.entry("%21", "!"), Map.entry("%24", "$"),
            Map.entry("%27", "'"), Map.entry("%28", "("), Map.entry("%29", ")"), Map.entry("%2A", "*"),
            Map.entry("%2C", ","), Map.entry("%3B", ";"));

    private final byte[] clientSecret;
    private final Duration maxAge;

    public HubSpotSignature(String clientSecret, Duration maxAge) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientSecret.isBlank()) {
            throw new IllegalArgumentException("The HubSpot client secret must not be blank");
        }
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The v3 signature of a request, as HubSpot computes it. */
    public String sign(String method, String uri, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret, "HmacSHA256"));
            mac.update(method.getBytes(StandardCharsets.UTF_8));
            mac.update(decode(uri).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Why the request is not HubSpot's, or null when it is.
     *
     * @param signature the {@code X-HubSpot-Signature-v3} header, may be null
     * @param timestamp the {@code X-HubSpot-Request-Timestamp} header, may be null
     */
    public String rejection(String method, String uri, byte[] body, String signature, String timestamp, Instant now) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return "X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required";
        }
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochMilli(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            return "X-HubSpot-Request-Timestamp must be epoch milliseconds";
        }
        if (Duration.between(sentAt, now).abs().compareTo(maxAge) > 0) {
            return "X-HubSpot-Request-Timestamp is more than " + maxAge + " away from now";
        }
        byte[] expected = sign(method, uri, body, timestamp.strip()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
            return "X-HubSpot-Signature-v3 does not match the request";
        }
        return null;
    }

    private static String decode(String uri) {
        var decoded = new StringBuilder(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '%' && i + 2 < uri.length()) {
                String escape = uri.substring(i, i + 3).toUpperCase(java.util.Locale.ROOT);
                String replacement = DECODED.get(escape);
                if (replacement != null) {
                    decoded.append(replacement);
                    i += 2;
                    continue;
                }
            }
            decoded.append(uri.charAt(i));
        }
        return decoded.toString();
    }
}
