package io.leadloop.intake.privacy;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.SecretKey;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.leadloop.events.LeadDetails;
import io.leadloop.events.PersonKeyCreated;
import io.leadloop.intake.publishing.LeadNotPublishedException;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.ContactSeal;
import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.schemas.privacy.PersonalData;

/**
 * Creates a person's key on first sight (published with {@code acks=all} before anything sealed with it, which is
 * what lets every reader wait for a key it has not seen yet) and seals their contact with it.
 */
@Component
class PersonKeySealing implements ContactSealing {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonKeySealing.class);

    private final PersonKeyRing keys;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    /**
     * Where a new key's acknowledgement is handed on: never the producer's I/O thread, which would then send the
     * lead itself and, when the lead topic's metadata is not there yet, wait for metadata only it can fetch.
     */
    private final java.util.concurrent.Executor handOff = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    /** Keys being created right now, by personId: concurrent first submissions of one person share one key. */
    private final ConcurrentMap<String, CompletableFuture<String>> creating = new ConcurrentHashMap<>();

    PersonKeySealing(PersonKeyRing keys, KafkaTemplate<String, Object> kafka, Clock clock) {
        this.keys = keys;
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<SealedLead> seal(String leadId, LeadDetails lead) {
        String personId = PersonIds.forLead(leadId);
        return keyIdOf(personId, leadId).thenApply(keyId -> {
            SecretKey key = keys.key(keyId).orElseThrow(() -> new LeadNotPublishedException(leadId,
                    new IllegalStateException("the person's key was shredded while their lead was captured")));
            return new SealedLead(PersonalData.sealed(lead, personId, keyId, key), keyId);
        });
    }

    private CompletableFuture<String> keyIdOf(String personId, String leadId) {
        var known = keys.knownKeyIdOf(personId);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.get());
        }
        var mine = new CompletableFuture<String>();
        var racing = creating.putIfAbsent(personId, mine);
        if (racing != null) {
            return racing;
        }
        // Another instance may have created one a moment ago; a second key for the person is harmless (erasure
        // shreds every key of the person), so no coordination beyond this instance.
        SecretKey key = ContactSeal.newKey();
        String keyId = personId + ":" + UUID.randomUUID();
        var created = PersonKeyCreated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setKeyId(keyId)
                .setPersonId(personId)
                .setKey(java.nio.ByteBuffer.wrap(key.getEncoded()))
                .build();
        try {
            kafka.send(Topics.PERSON_KEYS.name(), keyId, created).whenCompleteAsync((result, failure) -> {
                if (failure == null) {
                    keys.remember(created);
                    mine.complete(keyId);
                } else {
                    log.warn("Key of lead {}'s person not acknowledged by Kafka: {}", leadId, failure.toString());
                    mine.completeExceptionally(new LeadNotPublishedException(leadId, failure));
                }
                creating.remove(personId, mine);
            }, handOff);
        } catch (RuntimeException refused) {
            creating.remove(personId, mine);
            log.warn("Key of lead {}'s person refused by the producer: {}", leadId, refused.toString());
            mine.completeExceptionally(new LeadNotPublishedException(leadId, refused));
        }
        return mine;
    }
}
