package io.leadloop.qualification.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadloop.events.PersonErased;
import io.leadloop.qualification.learning.LeadLearningState;

/**
 * A person was erased: their lead's learning state keeps what describes the lead (segment, company, source,
 * engagement features, labels learned) and loses what describes the person ({@link LeadFeatures#PERSONAL}: the job
 * title as written). Counts per campaign are untouched: they never held anything personal. Scores already kept
 * carry the contact sealed, and the key is shredded, so they need no change.
 */
final class ForgetErasedLeads implements Processor<String, PersonErased, Void, Void> {

    private KeyValueStore<String, LeadLearningState> learning;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.learning = context.getStateStore(QualificationTopology.LEAD_LEARNING_STORE);
    }

    @Override
    public void process(Record<String, PersonErased> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        LeadLearningState state = learning.get(record.key());
        if (state != null) {
            // Outcomes still pending describe what sales decided, not the person: they stay to be learned.
            learning.put(record.key(), state.withFeaturesOnly(state.features().stream()
                    .filter(feature -> LeadFeatures.PERSONAL.stream().noneMatch(feature::startsWith)).toList()));
        }
    }
}
