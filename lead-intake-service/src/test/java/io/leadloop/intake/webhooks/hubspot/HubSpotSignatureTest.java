package io.leadloop.intake.webhooks.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.sources.UnauthenticDeliveryException;
import io.leadloop.intake.webhooks.Payloads;

/**
 * The v3 signature over HubSpot's documented v1-validation request body (the same body HubSpot's docs sign with
 * {@code yyyyyyyy-...}), at the documented event time.
 */
class HubSpotSignatureTest {

    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final String URL = "https://leadloop.example/webhooks/hubspot?portal=62515";
    private static final String TIMESTAMP = "1564113600000";
    /** Computed independently (Python hmac + base64) over "POST" + URL + exact file bytes + TIMESTAMP. */
    private static final String KNOWN_SIGNATURE = "+lezVuj85MwPMd7IN6CPD/dfcZUVNV7yoApwUIQbFc8=";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final byte[] body = Payloads.bytes("hubspot-webhook-contact-creation.v1-signature-example.json");

    private static Clock at(String timestampPlus, Duration offset) {
        return Clock.fixed(Instant.ofEpochMilli(Long.parseLong(timestampPlus)).plus(offset), ZoneOffset.UTC);
    }

    @Test
    void signsMethodUriBodyAndTimestamp() {
        assertThat(HubSpotSignature.of(SECRET, "POST", URL, body, TIMESTAMP)).isEqualTo(KNOWN_SIGNATURE);
    }

    @Test
    void acceptsAFreshCorrectlySignedRequest() {
        assertThatCode(() -> HubSpotSignature.verify(List.of(SECRET), "POST", URL, body, KNOWN_SIGNATURE, TIMESTAMP,
                FIVE_MINUTES, at(TIMESTAMP, Duration.ofMinutes(4)))).doesNotThrowAnyException();
    }

    @Test
    void acceptsThePreviousSecretDuringRotation() {
        assertThatCode(() -> HubSpotSignature.verify(List.of("new-secret", SECRET), "POST", URL, body,
                KNOWN_SIGNATURE, TIMESTAMP, FIVE_MINUTES, at(TIMESTAMP, Duration.ZERO))).doesNotThrowAnyException();
    }

    @Test
    void refusesACorrectlySignedRequestOlderThanTheAllowedAge() {
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of(SECRET), "POST", URL, body, KNOWN_SIGNATURE,
                TIMESTAMP, FIVE_MINUTES, at(TIMESTAMP, Duration.ofMinutes(5).plusMillis(1))))
                .isInstanceOf(UnauthenticDeliveryException.class).hasMessageContaining("older than");
    }

    @Test
    void refusesATimestampFarInTheFuture() {
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of(SECRET), "POST", URL, body, KNOWN_SIGNATURE,
                TIMESTAMP, FIVE_MINUTES, at(TIMESTAMP, Duration.ofMinutes(-6))))
                .isInstanceOf(UnauthenticDeliveryException.class).hasMessageContaining("ahead of");
    }

    @Test
    void refusesAnotherUrlMethodOrBody() {
        Clock now = at(TIMESTAMP, Duration.ZERO);
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of(SECRET), "POST", "http://leadloop.example/webhooks/hubspot?portal=62515",
                body, KNOWN_SIGNATURE, TIMESTAMP, FIVE_MINUTES, now)).isInstanceOf(UnauthenticDeliveryException.class);
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of(SECRET), "PUT", URL, body, KNOWN_SIGNATURE,
                TIMESTAMP, FIVE_MINUTES, now)).isInstanceOf(UnauthenticDeliveryException.class);
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of(SECRET), "POST", URL, "[]".getBytes(),
                KNOWN_SIGNATURE, TIMESTAMP, FIVE_MINUTES, now)).isInstanceOf(UnauthenticDeliveryException.class);
    }

    @Test
    void refusesAWrongSecretAndMissingHeaders() {
        Clock now = at(TIMESTAMP, Duration.ZERO);
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of("other"), "POST", URL, body, KNOWN_SIGNATURE,
                TIMESTAMP, FIVE_MINUTES, now)).isInstanceOf(UnauthenticDeliveryException.class);
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of(SECRET), "POST", URL, body, null, TIMESTAMP,
                FIVE_MINUTES, now)).hasMessageContaining("X-HubSpot-Signature-v3");
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of(SECRET), "POST", URL, body, KNOWN_SIGNATURE, null,
                FIVE_MINUTES, now)).hasMessageContaining("X-HubSpot-Request-Timestamp");
        assertThatThrownBy(() -> HubSpotSignature.verify(List.of(SECRET), "POST", URL, body, KNOWN_SIGNATURE,
                "yesterday", FIVE_MINUTES, now)).hasMessageContaining("epoch milliseconds");
    }

    @Test
    void signsTheUriWithHubSpotsListedEscapesDecoded() {
        assertThat(HubSpotSignature.signedUri("https://x.io/webhooks/hubspot?next=%2Fthanks%3Fa%3Db&at=%40me%2C%20you"))
                .isEqualTo("https://x.io/webhooks/hubspot?next=/thanks?a%3Db&at=@me,%20you");
        String escaped = "https://leadloop.example/webhooks/hubspot?portal=62515&ref=a%3Ab";
        String signature = HubSpotSignature.of(SECRET, "POST", "https://leadloop.example/webhooks/hubspot?portal=62515&ref=a:b",
                body, TIMESTAMP);

        assertThatCode(() -> HubSpotSignature.verify(List.of(SECRET), "POST", escaped, body, signature, TIMESTAMP,
                FIVE_MINUTES, at(TIMESTAMP, Duration.ZERO))).doesNotThrowAnyException();
    }
}
