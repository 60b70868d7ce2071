package io.leadloop.qualification.streams;

import java.util.List;

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
 */
final class LabelOutcome implements Processor<String, FeedbackRecorded, String, TrainingExample> {

    @FunctionalInterface
    interface Labelling {
        List<TrainingExample> label(FeedbackRecorded feedback, KeyValueStore<String, LeadLearningState> learning);
    }

    private final Labelling labelling;
    private ProcessorContext<String, TrainingExample> context;
    private KeyValueStore<String, LeadLearningState> learning;

    LabelOutcome(Labelling labelling) {
        this.labelling = labelling;
    }

    @Override
    public void init(ProcessorContext<String, TrainingExample> context) {
        this.context = context;
        this.learning = context.getStateStore(QualificationTopology.LEAD_LEARNING_STORE);
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
