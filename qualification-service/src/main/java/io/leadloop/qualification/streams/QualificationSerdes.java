package io.leadloop.qualification.streams;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.springframework.kafka.support.JacksonMapperUtils;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.events.PersonErased;
import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.OutcomeCounts;
import io.leadloop.qualification.learning.TrainingExample;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroSerde;
import tools.jackson.databind.ObjectMapper;

/**
 * The value serdes of the topology: Avro with the schema registry for events (topics, and the lead-scores store so
 * its changelog holds the same event); for the outcome counts, learning state and training examples, which are this
 * service's private state, a version byte and Avro binary without a registry ({@link LearningStateFormats}), which
 * still reads the JSON they were stored as before.
 */
record QualificationSerdes(
        Serde<LeadCaptured> captured,
        Serde<LeadScored> scored,
        Serde<FeedbackRecorded> feedback,
        Serde<OutcomeCounts> outcomeCounts,
        Serde<LeadLearningState> learningState,
        Serde<TrainingExample> trainingExample,
        Serde<LeadDefinitionChanged> definitions,
        Serde<LeadHandedOff> handedOff,
        Serde<PersonErased> erased) {

    /** Serdes configured from the Kafka Streams client properties, which carry {@code schema.registry.url}. */
    static QualificationSerdes from(Map<String, ?> clientConfig) {
        // The mapper the JSON serde used (JacksonJsonSerde's default), to read the state it wrote.
        ObjectMapper json = JacksonMapperUtils.enhancedJsonMapper();
        return new QualificationSerdes(
                AvroSerde.forValuesOf(Topics.LEADS_CAPTURED, clientConfig),
                AvroSerde.forValuesOf(Topics.LEADS_SCORED, clientConfig),
                AvroSerde.forValuesOf(Topics.FEEDBACK_RECORDED, clientConfig),
                LearningStateFormats.outcomeCounts(json).serde(),
                LearningStateFormats.leadLearningState(json).serde(),
                LearningStateFormats.trainingExample(json).serde(),
                AvroSerde.forValuesOf(Topics.LEAD_DEFINITIONS, clientConfig),
                AvroSerde.forValuesOf(Topics.LEADS_HANDED_OFF, clientConfig),
                AvroSerde.forValuesOf(Topics.PERSONS_ERASED, clientConfig));
    }
}
