package io.leadloop.intake.webhooks.hubspot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadloop.intake.sources.Signatures;
import io.leadloop.intake.sources.UnauthenticDeliveryException;

/**
 * HubSpot's v3 request signature: {@code X-HubSpot-Signature-v3} is the base64 HMAC-SHA256, keyed with the app's
 * client secret, of {@code method + URI + body + timestamp}, where the timestamp is {@code
 * X-HubSpot-Request-Timestamp} (epoch milliseconds) and the URI the full URL HubSpot called. A timestamp older than
 * the allowed age is refused whatever the signature, so a captured request cannot be replayed later.
 *
 * <p>HubSpot's request-validation page says to decode a fixed set of percent-escapes in the URI before signing
 * (the characters HubSpot itself does not escape); other escapes stay as sent.
 */
final class HubSpotSignature {

    static final String SIGNATURE_HEADER = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";

    private static final Map<String, String> DECODED = Map.ofEntries(
            Map.entry("%3A", ":"), Map.entry("%2F", "/"), Map.entry("%3F", "?"), Map.entry("%40", "@"),
            Map.entry("%21", "!"), Map.entry("%24", "$"), Map.entry("%27", "'"), Map.entry("%28", "("),
            Map.entry("%29", ")"), Map.entry("%2A", "*"), Map.entry("%2C", ","), Map.entry("%3B", ";"));
    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private HubSpotSignature() {
    }

    static String of(String secret, String method, String uri, byte[] body, String timestamp) {
        byte[] prefix = (method + signedUri(uri)).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = timestamp.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length + suffix.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        System.arraycopy(suffix, 0, message, prefix.length + body.length, suffix.length);
        return Signatures.hmacSha256Base64(secret, message);
    }

    /** The URI as HubSpot signs it: the listed escapes decoded, every other character as sent. */
    static String signedUri(String uri) {
        Matcher escape = ESCAPE.matcher(uri);
        var signed = new StringBuilder();
        while (escape.find()) {
            String escaped = escape.group();
            escape.appendReplacement(signed,
                    Matcher.quoteReplacement(DECODED.getOrDefault(escaped.toUpperCase(java.util.Locale.ROOT), escaped)));
        }
        escape.appendTail(signed);
        return signed.toString();
    }

    /**
     * Throws {@link UnauthenticDeliveryException} unless the timestamp is within {@code maxAge} of now (either
     * way, to allow for clock skew) and the signature signs this request with one of the secrets.
     */
    static void verify(List<String> secrets, String method, String uri, byte[] body, String signature,
            String timestamp, Duration maxAge, Clock clock) {
        if (signature == null || signature.isBlank()) {
            throw new UnauthenticDeliveryException(SIGNATURE_HEADER + " header is missing");
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw new UnauthenticDeliveryException(TIMESTAMP_HEADER + " header is missing");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochMilli(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException notMillis) {
            throw new UnauthenticDeliveryException(TIMESTAMP_HEADER + " is not epoch milliseconds");
        }
        Duration age = Duration.between(signedAt, clock.instant());
        if (age.abs().compareTo(maxAge) > 0) {
            throw new UnauthenticDeliveryException(TIMESTAMP_HEADER + " is " + (age.isNegative() ? "ahead of" : "older than")
                    + " the allowed " + maxAge.toSeconds() + " s; the request is refused as a possible replay");
        }
        String stamp = timestamp.strip();
        if (secrets.isEmpty()
                || !Signatures.matchesAny(secrets, secret -> of(secret, method, uri, body, stamp), signature.strip())) {
            throw new UnauthenticDeliveryException(SIGNATURE_HEADER
                    + " does not match the request signed with this source's client secret");
        }
    }
}
