package io.leadloop.intake.webhooks.meta;

import java.util.List;
import java.util.Locale;

import io.leadloop.intake.sources.Signatures;

/**
 * Meta's {@code X-Hub-Signature-256: sha256=<lower-case hex HMAC-SHA256(app secret, raw body)>}. Checked over the
 * body's bytes exactly as received: Meta signs its escaped-unicode JSON, so re-serialised JSON would not match.
 */
final class MetaSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private MetaSignature() {
    }

    /** Whether the header is a valid signature of the body with any of the secrets, compared in constant time. */
    static boolean verifies(List<String> secrets, byte[] rawBody, String header) {
        if (header == null || secrets.isEmpty()) {
            return false;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String presented = value.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        return Signatures.matchesAny(secrets, secret -> Signatures.hmacSha256Hex(secret, rawBody), presented);
    }

    /** The header Meta sends for this body. */
    static String headerFor(String secret, byte[] rawBody) {
        return PREFIX + Signatures.hmacSha256Hex(secret, rawBody);
    }
}
