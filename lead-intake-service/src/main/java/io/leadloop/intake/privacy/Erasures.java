package io.leadloop.intake.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

import io.leadloop.events.PersonErased;
import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.identity.KnownLeads;
import io.leadloop.intake.identity.PersonKeys;
import io.leadloop.intake.lead.ContactNormalisation;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.PersonKeyRing;

/**
 * Forgets a person: finds their leads (by email or phone through intake's identity, or by leadId), shreds every
 * data key of theirs with a tombstone on {@code privacy.person-keys.v1} — from then on every sealed copy of their
 * contact, on every topic and in every backup, is unreadable — and publishes {@code PersonErased} so read models
 * blank what they keep. Answers only once both are acknowledged by Kafka.
 */
@Service
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);
    private static final int REMEMBERED = 10_000;

    private final KnownLeads known;
    private final PersonKeyRing keys;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final String defaultPhoneRegion;
    /** The answers of this instance's latest erasures, for GET; the durable record is privacy.persons-erased.v1. */
    private final Map<String, Erasure> recent = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Erasure> eldest) {
            return size() > REMEMBERED;
        }
    });

    Erasures(KnownLeads known, PersonKeyRing keys, KafkaTemplate<String, Object> kafka, Clock clock,
            IntakeProperties intake) {
        this.known = known;
        this.keys = keys;
        this.kafka = kafka;
        this.clock = clock;
        this.defaultPhoneRegion = intake.defaultPhoneRegion();
    }

    public Erasure erase(ErasureRequest request) {
        Set<String> leadIds = leadsOf(request);
        Instant requestedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String erasureId = UUID.randomUUID().toString();
        String requestedBy = request.requestedBy() == null || request.requestedBy().isBlank() ? "unauthenticated"
                : request.requestedBy();
        Set<String> personIds = new LinkedHashSet<>();
        leadIds.forEach(leadId -> personIds.add(PersonIds.forLead(leadId)));
        int shredded = 0;
        for (String personId : personIds) {
            for (String keyId : keys.keyIdsOf(personId)) {
                await(kafka.send(Topics.PERSON_KEYS.name(), keyId, null));
                keys.forget(keyId);
                shredded++;
            }
        }
        // One event per lead, keyed by leadId like every lead event: each service meets it in the task that holds
        // the lead's state (no repartitioning), after everything it already had about the lead.
        for (String leadId : leadIds) {
            await(kafka.send(Topics.PERSONS_ERASED.name(), leadId, PersonErased.newBuilder()
                    .setEventId(UUID.nameUUIDFromBytes((erasureId + "|" + leadId).getBytes()).toString())
                    .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                    .setErasureId(erasureId)
                    .setPersonId(PersonIds.forLead(leadId))
                    .setLeadIds(List.copyOf(leadIds))
                    .setRequestedAt(requestedAt)
                    .setRequestedBy(requestedBy)
                    .build()));
        }
        var erasure = new Erasure(erasureId, personIds.isEmpty() ? "NOTHING_FOUND" : "COMPLETED",
                List.copyOf(personIds), List.copyOf(leadIds), shredded, requestedAt, requestedBy);
        recent.put(erasureId, erasure);
        log.info("Erasure {}: {} person(s), leads {}, {} key(s) shredded", erasureId, personIds.size(), leadIds,
                shredded);
        return erasure;
    }

    public Optional<Erasure> erasure(String erasureId) {
        return Optional.ofNullable(recent.get(erasureId));
    }

    private Set<String> leadsOf(ErasureRequest request) {
        var errors = new ArrayList<InvalidErasureException.FieldError>();
        String email = null;
        String phone = null;
        if (blank(request.email()) && blank(request.phone()) && blank(request.leadId())) {
            errors.add(new InvalidErasureException.FieldError("/email",
                    "name the person by email, phone or leadId (at least one)"));
        }
        if (!blank(request.email())) {
            email = ContactNormalisation.email(request.email()).orElse(null);
            if (email == null) {
                errors.add(new InvalidErasureException.FieldError("/email", "is not an email address"));
            }
        }
        if (!blank(request.phone())) {
            phone = ContactNormalisation.phone(request.phone(), defaultPhoneRegion).orElse(null);
            if (phone == null) {
                errors.add(new InvalidErasureException.FieldError("/phone", "is not a phone number"));
            }
        }
        if (!blank(request.leadId())) {
            try {
                UUID.fromString(request.leadId());
            } catch (IllegalArgumentException notAnId) {
                errors.add(new InvalidErasureException.FieldError("/leadId", "is not a lead id (a UUID)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidErasureException(errors);
        }
        Set<String> leadIds = new LinkedHashSet<>();
        if (!blank(request.leadId())) {
            leadIds.add(request.leadId());
        }
        // Each key on its own: one person may have reached intake as two leads (email only, then phone only).
        for (String personKey : PersonKeys.of(email, phone)) {
            known.personOf(List.of(personKey)).ifPresent(person -> leadIds.add(person.leadId()));
        }
        return leadIds;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void await(java.util.concurrent.CompletableFuture<?> sent) {
        try {
            sent.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ErasureNotDoneException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErasureNotDoneException(e);
        }
    }
}
