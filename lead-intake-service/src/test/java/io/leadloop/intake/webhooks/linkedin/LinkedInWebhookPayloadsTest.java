package io.leadloop.intake.webhooks.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.fetching.ReferencePayloads;
import io.leadloop.intake.sources.Signatures;

/** LinkedIn's challenge, signature, notifications and lead form responses, from the documented payloads. */
class LinkedInWebhookPayloadsTest {

    private static final String SECRET = "client-secret";

    @Test
    void answersTheChallengeWithTheHexHmacOfTheCodeKeyedByTheClientSecret() {
        // RFC 4231-style known vector: HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog").
        assertThat(LinkedInSignature.challengeResponse("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void acceptsTheDocumentedSignatureOfThePrefixedBodyWithTheCurrentOrPreviousSecret() {
        byte[] body = ReferencePayloads.bytes("linkedin-lead-notification.json");
        String header = LinkedInSignature.headerFor(SECRET, body);

        assertThat(header).isEqualTo(Signatures.hmacSha256Hex(SECRET,
                ("hmacsha256=" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertThat(LinkedInSignature.verifies(List.of(SECRET), body, header)).isTrue();
        assertThat(LinkedInSignature.verifies(List.of("rotated", SECRET), body, header)).isTrue();
    }

    @Test
    void acceptsTheOtherReadingOfTheDocsAPrefixedHeaderOverTheBareBody() {
        byte[] body = ReferencePayloads.bytes("linkedin-lead-notification.json");

        assertThat(LinkedInSignature.verifies(List.of(SECRET), body,
                "hmacsha256=" + Signatures.hmacSha256Hex(SECRET, body))).isTrue();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecretOrOverAnotherBody() {
        byte[] body = ReferencePayloads.bytes("linkedin-lead-notification.json");
        byte[] deleted = ReferencePayloads.bytes("linkedin-lead-notification-deleted.json");

        assertThat(LinkedInSignature.verifies(List.of(SECRET), body, LinkedInSignature.headerFor("other", body))).isFalse();
        assertThat(LinkedInSignature.verifies(List.of(SECRET), body, LinkedInSignature.headerFor(SECRET, deleted)))
                .isFalse();
        assertThat(LinkedInSignature.verifies(List.of(SECRET), body, null)).isFalse();
    }

    @Test
    void readsACreatedLeadNotificationAsOneLeadToFetch() {
        var notifications = LinkedInLeadNotifications.parse(ReferencePayloads.bytes("linkedin-lead-notification.json"));

        assertThat(notifications.leads()).containsExactly(new LinkedInLeadNotifications.Created("1a2b3c-4",
                "urn:li:versionedLeadGenForm:(urn:li:leadGenForm:1, 1)", "urn:li:sponsoredCreative:456", "SPONSORED"));
        assertThat(notifications.receipt().queued()).isEqualTo(1);
    }

    @Test
    void acknowledgesADeletedLeadWithoutMakingALead() {
        var notifications = LinkedInLeadNotifications.parse(
                ReferencePayloads.bytes("linkedin-lead-notification-deleted.json"));

        assertThat(notifications.leads()).isEmpty();
        assertThat(notifications.deleted()).isEqualTo(1);
    }

    @Test
    void skipsNotificationsThatNameNoLeadResponse() {
        var notifications = LinkedInLeadNotifications.parse(("[{\"leadAction\":\"CREATED\","
                + "\"leadGenFormResponse\":\"urn:li:leadGenFormResponse:../x\"},{\"leadAction\":\"CREATED\"}]")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(notifications.leads()).isEmpty();
        assertThat(notifications.skipped()).isEqualTo(2);
    }

    @Test
    void readsAnswersByQuestionIdAndMarksTestLeads() {
        var lead = LinkedInLeadFormResponse.parse(
                ReferencePayloads.text("linkedin-lead-form-response.pipedream-test-event.json"));

        assertThat(lead.fields()).containsExactly(Map.entry("20502584796", "test1@gmail.com"),
                Map.entry("20502643516", "Test 1"), Map.entry("20502667260", "Test 1"));
        assertThat(lead.test()).isTrue();
        assertThat(lead.campaignId()).isEqualTo("urn:li:sponsoredCampaign:32131231");
        assertThat(lead.formId()).isEqualTo("urn:li:versionedLeadGenForm:(urn:li:leadGenForm:3213,1)");
    }

    @Test
    void readsMultipleChoiceAnswersAndConsents() {
        var lead = LinkedInLeadFormResponse.parse("{\"formResponse\":{\"answers\":[{\"questionId\":7,"
                + "\"answerDetails\":{\"multipleChoiceAnswer\":{\"options\":[1,3]}}}],"
                + "\"consentResponses\":[{\"consentId\":42,\"accepted\":true}]}}");

        assertThat(lead.fields()).containsExactly(Map.entry("7", "1, 3"), Map.entry("consent:42", "true"));
        assertThat(lead.test()).isFalse();
    }
}
