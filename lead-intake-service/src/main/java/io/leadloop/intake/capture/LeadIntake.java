package io.leadloop.intake.capture;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.intake.identity.DeliveryKeys;
import io.leadloop.intake.identity.KnownLeads;
import io.leadloop.intake.identity.KnownPerson;
import io.leadloop.intake.identity.PersonKeys;
import io.leadloop.intake.lead.LeadValidator;
import io.leadloop.intake.privacy.ContactSealing;
import io.leadloop.intake.publishing.LeadPublisher;

/**
 * The one path every source's leads take: validate and normalise, recognise a repeated delivery (answer with the
 * lead it made, publish nothing) and a returning person (a new touch on their lead), publish durably.
 */
@Service
public class LeadIntake {

    private static final Logger log = LoggerFactory.getLogger(LeadIntake.class);

    private final LeadValidator validator;
    private final KnownLeads known;
    private final LeadPublisher publisher;
    private final ContactSealing sealing;
    /**
     * Deliveries being published right now, by delivery key. A sender that retries before its first try was
     * answered (or two webhook deliveries racing) would otherwise pass the "seen before?" check twice and publish the
     * lead twice (found by the fault suite: 94 of 98 racing pairs). The second waits for the first and is its repeat.
     */
    private final ConcurrentMap<String, CompletableFuture<CaptureResult>> inFlight = new ConcurrentHashMap<>();

    /** Publishes plaintext contact fields: for tests of what does not concern sealing. */
    public LeadIntake(LeadValidator validator, KnownLeads known, LeadPublisher publisher) {
        this(validator, known, publisher, ContactSealing.none());
    }

    @Autowired
    public LeadIntake(LeadValidator validator, KnownLeads known, LeadPublisher publisher, ContactSealing sealing) {
        this.validator = validator;
        this.known = known;
        this.publisher = publisher;
        this.sealing = sealing;
    }

    /**
     * Completes once the lead is durable (or recognised as a repeat); fails with
     * {@link io.leadloop.intake.lead.InvalidLeadException} before anything is published when the lead is invalid.
     */
    public CompletableFuture<CaptureResult> capture(Delivery delivery) {
        LeadDetails lead = validator.validate(delivery.submission());
        String deliveryKey = delivery.deliveryId()
                .map(id -> DeliveryKeys.named(delivery.source(), id))
                .orElseGet(() -> DeliveryKeys.ofContent(delivery.source(), contentOf(lead, delivery.submission())));
        var earlier = known.leadOfDelivery(deliveryKey);
        if (earlier.isPresent()) {
            return repeatOf(delivery, earlier.get());
        }
        var mine = new CompletableFuture<CaptureResult>();
        var racing = inFlight.putIfAbsent(deliveryKey, mine);
        if (racing != null) {
            log.info("Delivery from {} arrived again while its first copy is being published", delivery.source());
            return racing.thenApply(first -> new CaptureResult(first.leadId(), 0, true));
        }
        try {
            // Checked again now that this delivery is claimed: a first copy may have finished in between.
            var finished = known.leadOfDelivery(deliveryKey);
            if (finished.isPresent()) {
                mine.complete(new CaptureResult(finished.get(), 0, true));
            } else {
                publish(delivery, lead, deliveryKey).whenComplete((result, failure) -> {
                    if (failure == null) {
                        mine.complete(result);
                    } else {
                        mine.completeExceptionally(failure);
                    }
                });
            }
        } catch (RuntimeException e) {
            // Thrown as before (e.g. Kafka refused at once): the caller answers it; a racing copy fails with it.
            inFlight.remove(deliveryKey, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        // Only once the delivery is remembered (or failed, so a retry may publish it) may another copy pass.
        mine.whenComplete((result, failure) -> inFlight.remove(deliveryKey, mine));
        return mine;
    }

    private static CompletableFuture<CaptureResult> repeatOf(Delivery delivery, String leadId) {
        log.info("Repeat delivery from {} of lead {}: nothing published", delivery.source(), leadId);
        return CompletableFuture.completedFuture(new CaptureResult(leadId, 0, true));
    }

    private CompletableFuture<CaptureResult> publish(Delivery delivery, LeadDetails lead, String deliveryKey) {
        List<String> personKeys = PersonKeys.of(lead);
        KnownPerson person = known.personOf(personKeys)
                .map(returning -> new KnownPerson(returning.leadId(), returning.touches() + 1))
                .orElseGet(() -> new KnownPerson(DeliveryKeys.leadIdFor(deliveryKey), 1));
        // Sealed after the delivery key and person keys were taken from the plaintext: those must not change.
        return sealing.seal(person.leadId(), lead).thenCompose(sealed -> {
            LeadCaptured event = publisher.newEvent(DeliveryKeys.eventIdFor(deliveryKey), person.leadId(), sealed.lead())
                    .setTouch(person.touches())
                    .setSourceLeadId(delivery.sourceLeadId().orElse(null))
                    .setTest(delivery.test())
                    .build();
            return publisher.publish(event).thenApply(published -> {
                known.remember(deliveryKey, personKeys, person.withKeyId(sealed.keyId()));
                return new CaptureResult(person.leadId(), person.touches(), false);
            });
        });
    }

    /**
     * What the sender said, normalised: the lead as published, except for the consent time intake filled in
     * itself (it would make every resend look new). The bytes are the same as they always were (the key of a
     * delivery must not change across versions), but the lead is copied shallowly: a deep copy of every nested
     * record ({@code LeadDetails.newBuilder(lead)}) was a fifth of this method's CPU per lead.
     */
    private static byte[] contentOf(LeadDetails lead, io.leadloop.intake.lead.LeadSubmission submission) {
        LeadDetails said = lead;
        if (lead.getConsent() != null && submission.consent() != null) {
            said = new LeadDetails();
            for (int field = 0; field < LeadDetails.SCHEMA$.getFields().size(); field++) {
                said.put(field, lead.get(field));
            }
            said.setConsent(io.leadloop.events.Consent.newBuilder(lead.getConsent())
                    .setCapturedAt(submission.consent().capturedAt()).build());
        }
        try {
            var buffer = said.toByteBuffer();
            var bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
