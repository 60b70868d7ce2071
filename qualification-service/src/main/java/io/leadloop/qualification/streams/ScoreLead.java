package io.leadloop.qualification.streams;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.events.LeadScored;
import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.ParameterSource;

import static io.leadloop.schemas.Topics.LEADS_CAPTURED;

/**
 * Scores a captured lead with the probabilities of the global model as it stands now — learned from outcomes that
 * arrived before this lead, never from its own — against the active lead definition (the built-in one until
 * marketing and sales activate another), and remembers its features for when its outcome comes.
 *
 * <p>A capture is scored once: two intake instances racing on one delivery can publish the same capture (same
 * {@code eventId}) twice, and a second {@code LeadScored} would be a second verdict on one lead. The eventIds
 * scored within the retention are kept in a changelogged window store (bounded: old segments are dropped), in the
 * same task as the scoring, so under exactly-once the "seen" mark and the score commit together.
 */
final class ScoreLead implements FixedKeyProcessor<String, LeadCaptured, LeadScored> {

    @FunctionalInterface
    interface Scoring {
        LeadScored score(LeadCaptured captured, KeyValueStore<String, LeadLearningState> learning, ParameterSource model,
                LeadDefinitionChanged activeDefinition);
    }

    private static final Logger log = LoggerFactory.getLogger(ScoreLead.class);

    private final Scoring scoring;
    private final long retentionMs;
    private final Runnable onDuplicate;
    private WindowStore<String, Long> scoredCaptures;
    private FixedKeyProcessorContext<String, LeadScored> context;
    private KeyValueStore<String, LeadLearningState> learning;
    private ParameterSource model;
    private KeyValueStore<String, LeadDefinitionChanged> definitions;

    ScoreLead(Scoring scoring, Duration deduplicationRetention, Runnable onDuplicate) {
        this.scoring = scoring;
        this.retentionMs = deduplicationRetention.toMillis();
        this.onDuplicate = onDuplicate;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, LeadScored> context) {
        this.context = context;
        this.learning = context.getStateStore(QualificationTopology.LEAD_LEARNING_STORE);
        this.scoredCaptures = context.getStateStore(QualificationTopology.SCORED_CAPTURES_STORE);
        KeyValueStore<String, Double> parameters = context.getStateStore(QualificationTopology.MODEL_STORE);
        this.definitions = context.getStateStore(QualificationTopology.LEAD_DEFINITIONS_STORE);
        this.model = key -> {
            Double value = parameters.get(key);
            return value == null ? 0 : value;
        };
    }

    @Override
    public void process(FixedKeyRecord<String, LeadCaptured> record) {
        LeadCaptured captured = record.value();
        if (!captured.getLeadId().equals(record.key())) {
            throw new MisKeyedRecordException(LEADS_CAPTURED.name(), record.key(), captured.getLeadId());
        }
        String eventId = captured.getEventId();
        if (scoredBefore(eventId, record.timestamp())) {
            LeadIdMdc.with(captured.getLeadId(), () -> {
                log.info("Capture {} was scored already (published twice): not scored again", eventId);
                return null;
            });
            onDuplicate.run();
            return;
        }
        context.forward(record.withValue(scoring.score(captured, learning, model,
                definitions.get(LeadDefinitionStoreUpdater.ACTIVE))));
        scoredCaptures.put(eventId, record.timestamp(), record.timestamp());
    }

    /** Copies carry their own record timestamps (each producer stamps its send), so look on both sides. */
    private boolean scoredBefore(String eventId, long timestamp) {
        try (WindowStoreIterator<Long> seen = scoredCaptures.fetch(eventId,
                Math.max(0, timestamp - retentionMs), timestamp + retentionMs)) {
            return seen.hasNext();
        }
    }
}
