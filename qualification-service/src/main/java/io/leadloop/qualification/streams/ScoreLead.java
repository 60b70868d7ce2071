package io.leadloop.qualification.streams;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

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
 */
final class ScoreLead implements FixedKeyProcessor<String, LeadCaptured, LeadScored> {

    @FunctionalInterface
    interface Scoring {
        LeadScored score(LeadCaptured captured, KeyValueStore<String, LeadLearningState> learning, ParameterSource model,
                LeadDefinitionChanged activeDefinition);
    }

    private final Scoring scoring;
    private FixedKeyProcessorContext<String, LeadScored> context;
    private KeyValueStore<String, LeadLearningState> learning;
    private ParameterSource model;
    private KeyValueStore<String, LeadDefinitionChanged> definitions;

    ScoreLead(Scoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, LeadScored> context) {
        this.context = context;
        this.learning = context.getStateStore(QualificationTopology.LEAD_LEARNING_STORE);
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
        context.forward(record.withValue(scoring.score(captured, learning, model,
                definitions.get(LeadDefinitionStoreUpdater.ACTIVE))));
    }
}
