package io.leadloop.intake.webhooks.linkedin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.leadloop.intake.sources.Signatures;

/**
 * LinkedIn's webhook signing with the app's client secret.
 *
 * <p>Validation: {@code challengeResponse = hex(HMAC-SHA256(key = clientSecret, message = challengeCode))}.
 *
 * <p>Notifications: {@code X-LI-Signature} is "the HMACSHA256 hash of the JSON-encoded string representation of
 * the POST body prefixed by hmacsha256=" — read by LinkedIn's own guide as
 * {@code hex(HMAC-SHA256(clientSecret, "hmacsha256=" + rawBody))} with the bare digest in the header, and by
 * several deployed integrations as {@code "hmacsha256=" + hex(HMAC-SHA256(clientSecret, rawBody))}. Both readings
 * are accepted (a {@code hmacsha256=} prefix on the header is ignored, and the digest may cover the body with or
 * without the prefix): each still needs the client secret, so accepting either costs no security, and a change of
 * reading on either side cannot silently drop leads.
 */
final class LinkedInSignature {

    static final String HEADER = "X-LI-Signature";
    private static final String PREFIX = "hmacsha256=";
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.UTF_8);

    private LinkedInSignature() {
    }

    static String challengeResponse(String clientSecret, String challengeCode) {
        return Signatures.hmacSha256Hex(clientSecret, challengeCode.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the header signs the raw body with any of the secrets, compared in constant time. */
    static boolean verifies(List<String> secrets, byte[] rawBody, String header) {
        if (header == null || secrets.isEmpty()) {
            return false;
        }
        String presented = header.strip();
        if (presented.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            presented = presented.substring(PREFIX.length());
        }
        String digest = presented.toLowerCase(Locale.ROOT);
        byte[] prefixed = prefixed(rawBody);
        boolean documented = Signatures.matchesAny(secrets, secret -> Signatures.hmacSha256Hex(secret, prefixed), digest);
        boolean bodyOnly = Signatures.matchesAny(secrets, secret -> Signatures.hmacSha256Hex(secret, rawBody), digest);
        return documented | bodyOnly;
    }

    /** The header as LinkedIn's guide describes it. */
    static String headerFor(String clientSecret, byte[] rawBody) {
        return Signatures.hmacSha256Hex(clientSecret, prefixed(rawBody));
    }

    private static byte[] prefixed(byte[] rawBody) {
        byte[] message = new byte[PREFIX_BYTES.length + rawBody.length];
        System.arraycopy(PREFIX_BYTES, 0, message, 0, PREFIX_BYTES.length);
        System.arraycopy(rawBody, 0, message, PREFIX_BYTES.length, rawBody.length);
        return message;
    }
}
