package io.leadloop.intake.identity;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadloop.events.LeadCaptured;
import io.leadloop.schemas.privacy.Contact;
import io.leadloop.schemas.privacy.ContactSeal;
import io.leadloop.schemas.privacy.PersonKeysUnavailableException;
import io.leadloop.schemas.privacy.PersonalData;

/**
 * Keeps the known-leads store from {@code leads.captured.v1}: each event says which delivery it was (its eventId
 * is derived from the delivery key) and whose lead it is (email and phone). Reading intake's own output means a
 * lead and the fact that intake took it are one record, written in one round trip: nothing can be remembered as
 * taken that was not durably published. Kafka Streams replays this processor when it restores the store.
 *
 * <p>Email and phone are read through {@link PersonalData}: once a person is erased their key is gone, so a store
 * rebuilt from the topic never learns them again.
 */
final class KnownLeadsUpdater implements Processor<String, LeadCaptured, Void, Void> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KnownLeadsUpdater.class);

    static final String DELIVERY_PREFIX = "event|";
    static final String PERSON_PREFIX = "person|";

    private final String storeName;
    private final PersonalData personalData;
    private KeyValueStore<String, String> store;

    KnownLeadsUpdater(String storeName, PersonalData personalData) {
        this.storeName = storeName;
        this.personalData = personalData;
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
        var sealed = event.getLead().getSealedContact();
        var person = new KnownPerson(event.getLeadId(), event.getTouch(),
                sealed == null ? null : ContactSeal.keyIdOf(bytes(sealed)));
        Contact contact;
        try {
            contact = personalData.contactOf(event.getLead());
        } catch (PersonKeysUnavailableException e) {
            // Rare (keys topic unreadable for the whole wait): the delivery is still known; only a later touch by
            // this person would start a new lead. Better than stopping the global thread, and intake with it.
            log.warn("Lead {}: person not remembered, keys unreadable: {}", event.getLeadId(), e.getMessage());
            contact = Contact.NONE;
        }
        for (String key : PersonKeys.of(contact.email(), contact.phone())) {
            String known = store.get(PERSON_PREFIX + key);
            if (known == null || KnownPerson.parse(known).touches() < person.touches()) {
                store.put(PERSON_PREFIX + key, person.format());
            }
        }
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
