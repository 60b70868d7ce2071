package io.leadloop.qualification.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.PendingOutcome;

class LeadLearningStateSerdeTest {

    private final QualificationSerdes serdes = QualificationSerdes.from(
            Map.of("schema.registry.url", "mock://learning-state-" + UUID.randomUUID()));

    @Test
    void readsStateWrittenBeforeOutcomesCouldBePending() {
        byte[] old = """
                {"segment":"all","features":["company.industry=software"],"labels":{"won":true}}"""
                .getBytes(StandardCharsets.UTF_8);

        LeadLearningState state = serdes.learningState().deserializer().deserialize("t", old);

        assertThat(state).isEqualTo(new LeadLearningState("all", List.of("company.industry=software"), Map.of("won", true)));
        assertThat(state.pending()).isEmpty();
        assertThat(state.scored()).isTrue();
    }

    @Test
    void roundTripsPendingOutcomesOfALeadNotScoredYet() {
        LeadLearningState pending = LeadLearningState.pendingOnly(new PendingOutcome("WON", null, java.time.Instant.parse("2026-03-02T09:30:00Z")))
                .withPending(new PendingOutcome("REJECTED", "not-a-fit", java.time.Instant.parse("2026-03-03T10:00:00Z")));

        byte[] json = serdes.learningState().serializer().serialize("t", pending);

        assertThat(serdes.learningState().deserializer().deserialize("t", json)).isEqualTo(pending);
    }
}
