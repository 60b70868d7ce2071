package io.leadloop.qualification.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.JacksonMapperUtils;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.OutcomeCounts;
import io.leadloop.qualification.learning.PendingOutcome;
import io.leadloop.qualification.learning.TrainingExample;
import io.leadloop.security.state.StateFormat;
import io.leadloop.security.state.UnreadableState;
import tools.jackson.databind.json.JsonMapper;

class LearningStateFormatsTest {

    private static final Instant KEPT = Instant.parse("2026-11-23T09:30:00.123456789Z");

    private final JsonMapper json = JacksonMapperUtils.enhancedJsonMapper();
    private final StateFormat<LeadLearningState> states = LearningStateFormats.leadLearningState(json);
    private final StateFormat<TrainingExample> examples = LearningStateFormats.trainingExample(json);
    private final StateFormat<OutcomeCounts> counts = LearningStateFormats.outcomeCounts(json);

    private static LeadLearningState scoredWithLabelsAndPending() {
        return new LeadLearningState("paid-search", List.of("company.industry=software", "title.seniority=vp", "ü=1"),
                Map.of("won", true, "accepted", false),
                List.of(new PendingOutcome("WON", null, KEPT), new PendingOutcome("REJECTED", "not-a-fit", null)));
    }

    @Test
    void keepsEveryFieldOfALeadsLearningState() {
        for (LeadLearningState state : List.of(scoredWithLabelsAndPending(),
                new LeadLearningState("all", List.of(), Map.of()),
                LeadLearningState.pendingOnly(new PendingOutcome("LOST", "budget", KEPT)))) {
            byte[] bytes = states.write(state);

            assertThat(bytes[0]).isEqualTo((byte) LearningStateFormats.V1);
            assertThat(states.read(bytes)).isEqualTo(state);
        }
    }

    @Test
    void keepsEveryFieldOfATrainingExampleAndOfOutcomeCounts() {
        for (TrainingExample example : List.of(
                new TrainingExample("lead-1", "all", "won", List.of("a=1", "b=2"), true, null),
                new TrainingExample(null, "paid", "accepted", List.of(), false, true),
                new TrainingExample("lead-2", "paid", "accepted", List.of("c"), true, false))) {
            assertThat(examples.read(examples.write(example))).isEqualTo(example);
        }
        for (OutcomeCounts count : List.of(OutcomeCounts.none(), OutcomeCounts.none().plus("WON").plus("WON").plus("LOST"))) {
            assertThat(counts.read(counts.write(count))).isEqualTo(count);
        }
    }

    @Test
    void readsWhatTheJsonSerdeWroteBefore() {
        TrainingExample example = new TrainingExample("lead-1", "all", "won", List.of("a=1"), true, false);
        OutcomeCounts outcomeCounts = OutcomeCounts.none().plus("ACCEPTED").plus("WON");
        try (var jsonStates = new JacksonJsonSerde<>(LeadLearningState.class).noTypeInfo().ignoreTypeHeaders();
                var jsonExamples = new JacksonJsonSerde<>(TrainingExample.class).noTypeInfo().ignoreTypeHeaders();
                var jsonCounts = new JacksonJsonSerde<>(OutcomeCounts.class).noTypeInfo().ignoreTypeHeaders()) {
            byte[] oldState = jsonStates.serializer().serialize("t", scoredWithLabelsAndPending());

            assertThat(oldState[0]).isEqualTo(StateFormat.JSON_OBJECT);
            assertThat(states.read(oldState)).isEqualTo(scoredWithLabelsAndPending());
            assertThat(examples.read(jsonExamples.serializer().serialize("t", example))).isEqualTo(example);
            assertThat(counts.read(jsonCounts.serializer().serialize("t", outcomeCounts))).isEqualTo(outcomeCounts);
        }
    }

    @Test
    void refusesAnUnknownVersionClearly() {
        byte[] fromTheFuture = states.write(scoredWithLabelsAndPending());
        fromTheFuture[0] = 0x02;

        assertThatThrownBy(() -> states.read(fromTheFuture))
                .isInstanceOf(UnreadableState.class)
                .hasMessageContaining("lead-learning")
                .hasMessageContaining("0x02");
    }

    @Test
    void storesALeadInAFractionOfTheJson() {
        assertThat(states.write(scoredWithLabelsAndPending()).length)
                .isLessThan(json.writeValueAsBytes(scoredWithLabelsAndPending()).length / 2);
    }
}
