package io.leadloop.intake.webhooks.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.fetching.MalformedNotificationException;
import io.leadloop.intake.fetching.ReferencePayloads;
import io.leadloop.intake.sources.Signatures;

/** Meta's signature, handshake, notifications and Graph API leads, from Meta's documented payloads. */
class MetaWebhookPayloadsTest {

    private static final String SECRET = "app-secret";

    @Test
    void acceptsTheSignatureOfTheRawBodyWithTheCurrentOrPreviousSecret() {
        byte[] body = ReferencePayloads.bytes("meta-leadgen-webhook.json");

        assertThat(MetaSignature.verifies(List.of(SECRET), body, MetaSignature.headerFor(SECRET, body))).isTrue();
        assertThat(MetaSignature.verifies(List.of("new-secret", SECRET), body, MetaSignature.headerFor(SECRET, body)))
                .isTrue();
        assertThat(MetaSignature.verifies(List.of(SECRET), body, MetaSignature.headerFor(SECRET, body).toUpperCase()))
                .isTrue();
    }

    @Test
    void rejectsAWrongMissingOrUnprefixedSignature() {
        byte[] body = ReferencePayloads.bytes("meta-leadgen-webhook.json");
        String hex = Signatures.hmacSha256Hex(SECRET, body);

        assertThat(MetaSignature.verifies(List.of(SECRET), body, MetaSignature.headerFor("other", body))).isFalse();
        assertThat(MetaSignature.verifies(List.of(SECRET), body, null)).isFalse();
        assertThat(MetaSignature.verifies(List.of(SECRET), body, hex)).isFalse();
        assertThat(MetaSignature.verifies(List.of(), body, "sha256=" + hex)).isFalse();
    }

    @Test
    void signsTheEscapedBytesAsReceivedNotTheDecodedText() {
        byte[] escaped = "{\"name\":\"\\u00e4\\u00f6\\u00e5\"}".getBytes(StandardCharsets.UTF_8);
        byte[] decoded = "{\"name\":\"äöå\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(MetaSignature.verifies(List.of(SECRET), decoded, MetaSignature.headerFor(SECRET, escaped))).isFalse();
        assertThat(MetaSignature.verifies(List.of(SECRET), escaped, MetaSignature.headerFor(SECRET, escaped))).isTrue();
    }

    @Test
    void echoesTheChallengeOfMetasSampleVerificationRequestOnlyForTheVerifyToken() {
        // meta-webhook-verification-request.txt: hub.challenge=1158201444, hub.verify_token=meatyhamhock
        assertThat(MetaHandshake.answer("meatyhamhock", "subscribe", "meatyhamhock", "1158201444"))
                .isEqualTo(new MetaHandshake.Echo("1158201444"));
        assertThat(MetaHandshake.answer("meatyhamhock", "subscribe", "meatyham", "1158201444"))
                .isInstanceOfSatisfying(MetaHandshake.Refusal.class, refusal -> {
                    assertThat(refusal.forbidden()).isTrue();
                    assertThat(refusal.parameter()).isEqualTo("hub.verify_token");
                });
        assertThat(MetaHandshake.answer(null, "subscribe", null, "1158201444"))
                .isInstanceOf(MetaHandshake.Refusal.class);
        assertThat(MetaHandshake.answer("meatyhamhock", "unsubscribe", "meatyhamhock", "1158201444"))
                .isInstanceOfSatisfying(MetaHandshake.Refusal.class,
                        refusal -> assertThat(refusal.parameter()).isEqualTo("hub.mode"));
        assertThat(MetaHandshake.answer("meatyhamhock", "subscribe", "meatyhamhock", null))
                .isInstanceOfSatisfying(MetaHandshake.Refusal.class,
                        refusal -> assertThat(refusal.forbidden()).isFalse());
    }

    @Test
    void readsTheDashboardTestPayloadAsOneLeadMentionedTwice() {
        var batch = MetaLeadgenBatch.parse(ReferencePayloads.bytes("meta-leadgen-webhook.json"));

        assertThat(batch.leads()).containsExactly(new MetaLeadgenBatch.Leadgen("444444444444", "444444444444",
                "444444444444", "444444444", "44444444444", "1588890044"));
        assertThat(batch.duplicates()).isEqualTo(1);
        assertThat(batch.skipped()).isZero();
        var notification = batch.leads().getFirst().toNotification("meta-ads", Instant.EPOCH);
        assertThat(notification.leadId()).isEqualTo("444444444444");
        assertThat(notification.platform()).isEqualTo("meta");
        assertThat(notification.adId()).isEqualTo("444444444");
    }

    @Test
    void skipsAndCountsAChangeWithoutValueWithoutFailingTheBatch() {
        var batch = MetaLeadgenBatch.parse(ReferencePayloads.bytes("meta-leadgen-webhook.rudderstack-fixture.json"));

        assertThat(batch.leads()).extracting(MetaLeadgenBatch.Leadgen::leadgenId)
                .containsExactly("1459076748710713", "1459076748710714", "1459076748710715");
        assertThat(batch.leads()).extracting(MetaLeadgenBatch.Leadgen::formId)
                .containsExactly("1616801872291121", "1616801872291122", "1616801872291123");
        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(batch.receipt().queued()).isEqualTo(3);
    }

    @Test
    void keepsLeadgenIdsSentAsNumbersExactAndSkipsIdsThatAreNotMetaIds() {
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"changes\":["
                + "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":9007199254740993123}},"
                + "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"../../me\"}},"
                + "{\"field\":\"feed\",\"value\":{\"leadgen_id\":\"1\"}}]}]}").getBytes(StandardCharsets.UTF_8);

        var batch = MetaLeadgenBatch.parse(body);

        assertThat(batch.leads()).extracting(MetaLeadgenBatch.Leadgen::leadgenId).containsExactly("9007199254740993123");
        assertThat(batch.skipped()).isEqualTo(2);
    }

    @Test
    void refusesABodyThatIsNotJsonNamingWhere() {
        assertThatThrownBy(() -> MetaLeadgenBatch.parse("{\"entry\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedNotificationException.class);
        assertThatThrownBy(() -> MetaLeadgenBatch.parse("{\"entry\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MalformedNotificationException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/entry"));
    }

    @Test
    void flattensTheGraphApiLeadsFieldData() {
        var lead = MetaGraphLead.parse(ReferencePayloads.text("meta-lead-graph-api.json"));

        assertThat(lead.fields()).containsExactly(
                java.util.Map.entry("car_make", "Honda"),
                java.util.Map.entry("full_name", "Joe Example"),
                java.util.Map.entry("email", "joe@example.com"),
                java.util.Map.entry("selected_dealer", "99213450"));
        assertThat(lead.formId()).isEqualTo("<FORM_ID>");
        assertThat(lead.test()).isFalse();
    }

    @Test
    void treatsExpiredTokensAndThrottlingAsTransientButNotAMissingLead() {
        assertThat(MetaGraphLead.isTransientError("{\"error\":{\"message\":\"Session has expired\",\"type\":"
                + "\"OAuthException\",\"code\":190}}")).isTrue();
        assertThat(MetaGraphLead.isTransientError("{\"error\":{\"code\":4}}")).isTrue();
        assertThat(MetaGraphLead.isTransientError("{\"error\":{\"message\":\"Unsupported get request\",\"code\":100}}"))
                .isFalse();
        assertThat(MetaGraphLead.isTransientError("<html>")).isFalse();
    }
}
