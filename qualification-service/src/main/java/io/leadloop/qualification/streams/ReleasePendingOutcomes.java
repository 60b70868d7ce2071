package io.leadloop.qualification.streams;

import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadloop.events.LeadScored;
import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.TrainingExample;

/**
 * After a captured lead is scored (its score already computed from what was learned before, its features just
 * stored), learns the outcomes that arrived before the capture: one labelled example per target, re-keyed by model
 * like {@link LabelOutcome}'s. Placed downstream of scoring so a lead's own outcome never reaches its own score.
 * Duplicated captures are not scored again, so they never get here and cannot learn twice.
 */
final class ReleasePendingOutcomes implements Processor<String, LeadScored, String, TrainingExample> {

    @FunctionalInterface
    interface Release {
        List<TrainingExample> release(String leadId, KeyValueStore<String, LeadLearningState> learning);
    }

    private final Release release;
    private ProcessorContext<String, TrainingExample> context;
    private KeyValueStore<String, LeadLearningState> learning;

    ReleasePendingOutcomes(Release release) {
        this.release = release;
    }

    @Override
    public void init(ProcessorContext<String, TrainingExample> context) {
        this.context = context;
        this.learning = context.getStateStore(QualificationTopology.LEAD_LEARNING_STORE);
    }

    @Override
    public void process(Record<String, LeadScored> record) {
        for (TrainingExample example : release.release(record.key(), learning)) {
            context.forward(record.withKey(example.modelKey()).withValue(example));
        }
    }
}
