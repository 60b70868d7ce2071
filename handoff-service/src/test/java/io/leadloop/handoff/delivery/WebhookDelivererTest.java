package io.leadloop.handoff.delivery;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The connector against a local stub endpoint: signature, retries, Retry-After, giving up, order. */
class WebhookDelivererTest {

    private static final String SECRET = "whsec-test-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    private WebhookStub stub;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void startStub() throws Exception {
        stub = new WebhookStub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private WebhookDeliverer deliverer(int maxAttempts) {
        var properties = new DeliveryProperties(stub.url(), SECRET, maxAttempts, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(5), "group");
        return new WebhookDeliverer(properties, Clock.fixed(NOW, ZoneOffset.UTC), waits::add);
    }

    @Test
    void postsTheHandoffAsJsonSignedWithHmacSha256() throws Exception {
        LeadHandedOff handoff = handoff();

        var result = deliverer(3).deliver(handoff);

        assertThat(result.delivered()).isTrue();
        var received = stub.received().getFirst();
        assertThat(received.eventId()).isEqualTo(handoff.getEventId());
        assertThat(received.leadId()).isEqualTo(handoff.getLeadId());
        long t = NOW.getEpochSecond();
        assertThat(received.signature())
                .isEqualTo("t=" + t + ",v1=" + new WebhookSigner(SECRET).hmac(t, received.body()));
        assertThat(received.signature()).isNotEqualTo(new WebhookSigner("another-secret-0123456").sign(t,
                received.body()));
        JsonNode json = JsonMapper.builder().build().readTree(received.body());
        assertThat(json.get("leadId").asString()).isEqualTo(handoff.getLeadId());
        assertThat(json.get("ownerRepId").asString()).isEqualTo("rep-ana");
        assertThat(json.get("slaDueAt").asString()).isEqualTo("2026-03-02T15:15:00Z");
        assertThat(json.get("priority").asString()).isEqualTo("HOT");
        assertThat(json.path("lead").path("company").path("domain").asString()).isEqualTo("acme.io");
        assertThat(json.path("lead").path("source").path("campaignId").asString())
                .isEqualTo(handoff.getLead().getSource().getCampaignId());
        assertThat(json.get("routingTrace").size()).isEqualTo(1);
    }

    @Test
    void retriesServerErrorsWithExponentialBackoffAndHonoursRetryAfterOn429() throws Exception {
        stub.thenAnswer(503).thenAnswer(500).thenAnswer(429, Map.of("Retry-After", "7")).thenAnswer(502);

        var result = deliverer(6).deliver(handoff());

        assertThat(result.delivered()).isTrue();
        assertThat(result.attempts()).isEqualTo(5);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(7),
                Duration.ofSeconds(4));
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        for (int i = 0; i < 3; i++) {
            stub.thenAnswer(503);
        }

        var result = deliverer(3).deliver(handoff());

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.lastProblem()).isEqualTo("HTTP 503");
        assertThat(stub.received()).hasSize(3);
    }

    @Test
    void doesNotRetryAClientError() throws Exception {
        stub.thenAnswer(400);

        var result = deliverer(5).deliver(handoff());

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void settlesOneHandoffBeforeSendingTheNext() throws Exception {
        LeadHandedOff first = handoff();
        LeadHandedOff second = handoff();
        stub.thenAnswer(503).thenAnswer(503);
        var deliverer = deliverer(5);

        deliverer.deliver(first);
        deliverer.deliver(second);

        assertThat(stub.received()).extracting(WebhookStub.Received::eventId)
                .containsExactly(first.getEventId(), first.getEventId(), first.getEventId(), second.getEventId());
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDateAndCapsIt() {
        assertThat(WebhookDeliverer.retryAfter("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(WebhookDeliverer.retryAfter("Mon, 02 Mar 2026 15:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(WebhookDeliverer.retryAfter("soon", NOW)).isEmpty();
        var schedule = new RetrySchedule(5, Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.delayAfter(10, Optional.empty())).isEqualTo(Duration.ofSeconds(60));
    }

    private static LeadHandedOff handoff() {
        LeadScored scored = aScoredLead().mql().hot().build();
        return LeadHandedOff.newBuilder()
                .setEventId(java.util.UUID.randomUUID().toString()).setOccurredAt(NOW).setLeadId(scored.getLeadId())
                .setOwnerRepId("rep-ana").setOwnerTeam("inbound-emea")
                .setRoutingReason("round robin: rep-ana was next of 3 eligible reps").setRoutingRule("ROUND_ROBIN")
                .setRoutingTrace(List.of("round robin: rep-ana was next of 3 eligible reps"))
                .setSlaDueAt(NOW.plus(Duration.ofMinutes(15))).setScore(scored.getScore())
                .setPriority(scored.getPriority()).setReasons(scored.getReasons())
                .setDefinitionVersion(scored.getDefinitionVersion()).setLead(scored.getLead()).build();
    }
}
