package io.leadloop.intake.webhooks.typeform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.sources.Signatures;
import io.leadloop.intake.sources.UnauthenticDeliveryException;
import io.leadloop.intake.webhooks.Payloads;

/** {@code Typeform-Signature} over the documented example payload, signed with a test secret. */
class TypeformSignatureTest {

    private static final String SECRET = "test-typeform-secret";
    /** Computed independently (Python hmac + base64) over the exact bytes of typeform-form-response.json. */
    private static final String KNOWN_SIGNATURE = "sha256=b+HXeKnTb8RpMPMgSxiowSZALZW9dhSnmsBb3BiXUms=";

    private final byte[] body = Payloads.bytes("typeform-form-response.json");

    @Test
    void signsAsTypeformDoesBase64NotHex() {
        assertThat(TypeformSignature.of(SECRET, body)).isEqualTo(KNOWN_SIGNATURE);
    }

    @Test
    void acceptsTheSignatureOfTheRawBody() {
        assertThatCode(() -> TypeformSignature.verify(List.of(SECRET), body, KNOWN_SIGNATURE)).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheSignatureOfThePreviousSecretDuringRotation() {
        assertThatCode(() -> TypeformSignature.verify(List.of("rotated-in", SECRET), body, KNOWN_SIGNATURE))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsABodyChangedByOneByte() {
        byte[] changed = body.clone();
        changed[changed.length / 2] ^= 1;

        assertThatThrownBy(() -> TypeformSignature.verify(List.of(SECRET), changed, KNOWN_SIGNATURE))
                .isInstanceOf(UnauthenticDeliveryException.class).hasMessageContaining("Typeform-Signature");
    }

    @Test
    void rejectsAHexDigest() {
        String hex = "sha256=" + HexFormat.of().formatHex(Signatures.hmacSha256(SECRET, body));

        assertThatThrownBy(() -> TypeformSignature.verify(List.of(SECRET), body, hex))
                .isInstanceOf(UnauthenticDeliveryException.class);
    }

    @Test
    void rejectsAMissingSignature() {
        assertThatThrownBy(() -> TypeformSignature.verify(List.of(SECRET), body, null))
                .isInstanceOf(UnauthenticDeliveryException.class).hasMessageContaining("missing");
    }

    @Test
    void rejectsEverythingWhenNoSecretIsConfigured() {
        assertThatThrownBy(() -> TypeformSignature.verify(List.of(), body, KNOWN_SIGNATURE))
                .isInstanceOf(UnauthenticDeliveryException.class);
    }
}
