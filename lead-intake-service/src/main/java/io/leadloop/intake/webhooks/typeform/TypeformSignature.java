package io.leadloop.intake.webhooks.typeform;

import java.util.List;

import io.leadloop.intake.sources.Signatures;
import io.leadloop.intake.sources.UnauthenticDeliveryException;

/**
 * Typeform's {@code Typeform-Signature}: {@code sha256=} followed by the base64 HMAC-SHA256 of the raw body, keyed
 * with the webhook's secret. Typeform only signs when a secret is set on the webhook; a source without a secret
 * takes nothing (fail closed).
 */
final class TypeformSignature {

    static final String HEADER = "Typeform-Signature";
    static final String PREFIX = "sha256=";

    private TypeformSignature() {
    }

    static String of(String secret, byte[] body) {
        return PREFIX + Signatures.hmacSha256Base64(secret, body);
    }

    /** Throws {@link UnauthenticDeliveryException} unless {@code presented} signs {@code body} with a secret. */
    static void verify(List<String> secrets, byte[] body, String presented) {
        if (presented == null || presented.isBlank()) {
            throw new UnauthenticDeliveryException(HEADER + " header is missing");
        }
        if (secrets.isEmpty() || !Signatures.matchesAny(secrets, secret -> of(secret, body), presented.strip())) {
            throw new UnauthenticDeliveryException(HEADER + " does not match the body signed with this source's secret");
        }
    }
}
