package io.leadloop.qualification.streams;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.TrainingExample;

import static io.leadloop.schemas.Topics.FEEDBACK_RECORDED;

/**
 * Turns an outcome into labelled examples, one per target it teaches about, with the features the lead had when
 * it was scored (looked up in the same partition, both topics being keyed by leadId), re-keyed by model.
 *
 * <p>Outcomes of leads not scored yet are kept in the lead's state; every {@link #EXPIRY_INTERVAL} (wall-clock, so
 * it runs on an idle partition too) this task's share of the store is checked for outcomes kept too long.
 */
final class LabelOutcome implements Processor<String, FeedbackRecorded, String, TrainingExample> {

    @FunctionalInterface
    interface Labelling {
        List<TrainingExample> label(FeedbackRecorded feedback, KeyValueStore<String, LeadLearningState> learning);
    }

    @FunctionalInterface
    interface PendingExpiry {
        void expire(KeyValueStore<String, LeadLearningState> learning);
    }

    /** How often pending outcomes are checked for expiry: a scan of the task's learning state, so not often. */
    static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final Labelling labelling;
    private final PendingExpiry expiry;
    private ProcessorContext<String, TrainingExample> context;
    private KeyValueStore<String, LeadLearningState> learning;

    LabelOutcome(Labelling labelling, PendingExpiry expiry) {
        this.labelling = labelling;
        this.expiry = expiry;
    }

    @Override
    public void init(ProcessorContext<String, TrainingExample> context) {
        this.context = context;
        this.learning = context.getStateStore(QualificationTopology.LEAD_LEARNING_STORE);
        context.schedule(EXPIRY_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> expiry.expire(learning));
    }

    @Override
    public void process(Record<String, FeedbackRecorded> record) {
        FeedbackRecorded feedback = record.value();
        if (!feedback.getLeadId().equals(record.key())) {
            throw new MisKeyedRecordException(FEEDBACK_RECORDED.name(), record.key(), feedback.getLeadId());
        }
        for (TrainingExample example : labelling.label(feedback, learning)) {
            context.forward(record.withKey(example.modelKey()).withValue(example));
        }
    }
}
