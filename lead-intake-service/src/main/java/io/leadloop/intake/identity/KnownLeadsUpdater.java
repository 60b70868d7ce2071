package io.leadloop.intake.identity;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadloop.events.LeadCaptured;

/**
 * Keeps the known-leads store from {@code leads.captured.v1}: each event says which delivery it was (its eventId
 * is derived from the delivery key) and whose lead it is (email and phone). Reading intake's own output means a
 * lead and the fact that intake took it are one record, written in one round trip: nothing can be remembered as
 * taken that was not durably published. Kafka Streams replays this processor when it restores the store.
 */
final class KnownLeadsUpdater implements Processor<String, LeadCaptured, Void, Void> {

    static final String DELIVERY_PREFIX = "event|";
    static final String PERSON_PREFIX = "person|";

    private final String storeName;
    private KeyValueStore<String, String> store;

    KnownLeadsUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, LeadCaptured> record) {
        LeadCaptured event = record.value();
        if (event == null) {
            return;
        }
        store.put(DELIVERY_PREFIX + event.getEventId(), event.getLeadId());
        var person = new KnownPerson(event.getLeadId(), event.getTouch());
        for (String key : PersonKeys.of(event.getLead())) {
            String known = store.get(PERSON_PREFIX + key);
            if (known == null || KnownPerson.parse(known).touches() < person.touches()) {
                store.put(PERSON_PREFIX + key, person.format());
            }
        }
    }
}
