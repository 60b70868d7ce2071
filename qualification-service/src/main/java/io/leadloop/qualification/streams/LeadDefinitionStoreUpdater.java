package io.leadloop.qualification.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadloop.events.LeadDefinitionChanged;

/**
 * Keeps the global definitions store equal to the definitions topic (the latest state per version) and, under
 * {@link #ACTIVE}, the version activated last — so scoring finds the active definition with one lookup.
 */
final class LeadDefinitionStoreUpdater implements Processor<String, LeadDefinitionChanged, Void, Void> {

    /** The key of the active version's state; versions start with a letter or digit, so it never clashes. */
    static final String ACTIVE = "@active";

    private KeyValueStore<String, LeadDefinitionChanged> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(QualificationTopology.LEAD_DEFINITIONS_STORE);
    }

    @Override
    public void process(Record<String, LeadDefinitionChanged> record) {
        LeadDefinitionChanged event = record.value();
        if (event == null) {
            store.delete(record.key());
            return;
        }
        store.put(event.getDefinitionVersion(), event);
        if (event.getActivatedAt() != null) {
            LeadDefinitionChanged active = store.get(ACTIVE);
            if (active == null || !active.getActivatedAt().isAfter(event.getActivatedAt())) {
                store.put(ACTIVE, event);
            }
        }
    }
}
