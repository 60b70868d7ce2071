package io.leadloop.feedback.crm.hubspot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.leadloop.feedback.ReferencePayloads;

class HubSpotSignatureTest {

    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final String URL = "https://leadloop.example.com/api/v1/crm/hubspot";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.toEpochMilli());

    private final HubSpotSignature signature = new HubSpotSignature(SECRET, Duration.ofMinutes(5));

    @Test
    void signsMethodUrlBodyAndTimestampAsHubSpotDocumentsIt() throws Exception {
        byte[] body = ReferencePayloads.bytes("hubspot-webhook-batch.docs-example.json");

        String expected = knownAnswer("POST" + URL + new String(body, StandardCharsets.UTF_8) + TIMESTAMP);

        assertThat(signature.sign("POST", URL, body, TIMESTAMP)).isEqualTo(expected);
        assertThat(signature.rejection("POST", URL, body, expected, TIMESTAMP, NOW)).isNull();
    }

    @Test
    void signsTheUrlWithTheCharactersHubSpotDecodes() throws Exception {
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.sign("POST", URL + "?portal=a%3Ab%2Cc", body, TIMESTAMP))
                .isEqualTo(knownAnswer("POST" + URL + "?portal=a:b,c" + "[]" + TIMESTAMP));
    }

    @Test
    void rejectsWebhookWithWrongSignature() {
        byte[] body = ReferencePayloads.bytes("hubspot-webhook-deal-stage-change.json");
        String signed = signature.sign("POST", URL, body, TIMESTAMP);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("697680835", "697680836")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(signature.rejection("POST", URL, tampered, signed, TIMESTAMP, NOW)).contains("does not match");
        assertThat(new HubSpotSignature("another-secret", Duration.ofMinutes(5))
                .rejection("POST", URL, body, signed, TIMESTAMP, NOW)).contains("does not match");
        assertThat(signature.rejection("POST", URL, body, null, TIMESTAMP, NOW)).contains("required");
    }

    @Test
    void rejectsWebhookOlderThanFiveMinutes() {
        byte[] body = ReferencePayloads.bytes("hubspot-webhook-deal-stage-change.json");
        String old = Long.toString(NOW.minus(Duration.ofMinutes(5).plusSeconds(1)).toEpochMilli());
        String recent = Long.toString(NOW.minus(Duration.ofMinutes(4)).toEpochMilli());

        assertThat(signature.rejection("POST", URL, body, signature.sign("POST", URL, body, old), old, NOW))
                .contains("more than PT5M");
        assertThat(signature.rejection("POST", URL, body, signature.sign("POST", URL, body, recent), recent, NOW))
                .isNull();
        assertThat(signature.rejection("POST", URL, body, "x", "yesterday", NOW)).contains("epoch milliseconds");
    }

    private static String knownAnswer(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
