package io.leadloop.intake.capture;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.intake.identity.DeliveryKeys;
import io.leadloop.intake.identity.KnownLeads;
import io.leadloop.intake.identity.KnownPerson;
import io.leadloop.intake.identity.PersonKeys;
import io.leadloop.intake.lead.LeadValidator;
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

    public LeadIntake(LeadValidator validator, KnownLeads known, LeadPublisher publisher) {
        this.validator = validator;
        this.known = known;
        this.publisher = publisher;
    }

    /**
     * Completes once the lead is durable (or recognised as a repeat); fails with
     * {@link io.leadloop.intake.lead.InvalidLeadException} before anything is published when the lead is invalid.
     */
    public CompletableFuture<CaptureResult> capture(Delivery delivery) {
        LeadDetails lead = validator.validate(delivery.submission());
        String deliveryKey = delivery.deliveryId()
                .map(id -> DeliveryKeys.named(delivery.source(), id))
                .orElseGet(() -> DeliveryKeys.ofContent(delivery.source(),
                        withoutReceiptTime(lead, delivery.submission())));
        var earlier = known.leadOfDelivery(deliveryKey);
        if (earlier.isPresent()) {
            log.info("Repeat delivery from {} of lead {}: nothing published", delivery.source(), earlier.get());
            return CompletableFuture.completedFuture(new CaptureResult(earlier.get(), 0, true));
        }
        List<String> personKeys = PersonKeys.of(lead);
        KnownPerson person = known.personOf(personKeys)
                .map(returning -> new KnownPerson(returning.leadId(), returning.touches() + 1))
                .orElseGet(() -> new KnownPerson(DeliveryKeys.leadIdFor(deliveryKey), 1));
        LeadCaptured event = publisher.newEvent(DeliveryKeys.eventIdFor(deliveryKey), person.leadId(), lead)
                .setTouch(person.touches())
                .setSourceLeadId(delivery.sourceLeadId().orElse(null))
                .setTest(delivery.test())
                .build();
        return publisher.publish(event)
                .thenCompose(published -> known.remember(deliveryKey, personKeys, person)
                        .handle((remembered, failure) -> {
                            if (failure != null) {
                                // The lead is durable; only repeat detection for this delivery is weakened, and a
                                // repeat would carry the same ids, which consumers treat as one.
                                log.warn("Lead {} published but its delivery not remembered: {}", person.leadId(),
                                        failure.toString());
                            }
                            return new CaptureResult(person.leadId(), person.touches(), false);
                        }));
    }

    /**
     * The normalised content, without the consent time intake stamps on receipt when the sender gave none: that is
     * no part of what the sender said, and two posts of the same content would never be recognised as a repeat.
     * (Swapped out and back rather than copied: Avro's deep copy refuses our classes under its class security.)
     */
    private static byte[] withoutReceiptTime(LeadDetails lead, io.leadloop.intake.lead.LeadSubmission submission) {
        var consent = lead.getConsent();
        if (consent == null || (submission.consent() != null && submission.consent().capturedAt() != null)) {
            return contentOf(lead);
        }
        var stamped = consent.getCapturedAt();
        consent.setCapturedAt(java.time.Instant.EPOCH);
        try {
            return contentOf(lead);
        } finally {
            consent.setCapturedAt(stamped);
        }
    }

    private static byte[] contentOf(LeadDetails lead) {
        try {
            var buffer = lead.toByteBuffer();
            var bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
