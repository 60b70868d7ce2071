package io.leadloop.intake.publishing;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.schemas.Topics;

/**
 * Publishes a captured lead and completes only when Kafka acknowledged it (producer {@code acks=all},
 * idempotent), so an HTTP {@code 202} is a promise the lead is durable.
 *
 * <p>Asynchronous on purpose: many requests wait on the same producer batch, which is what makes durable intake
 * fast (group commit), instead of each request thread blocking on its own acknowledgement.
 */
@Component
public class LeadPublisher {

    private static final Logger log = LoggerFactory.getLogger(LeadPublisher.class);

    private final KafkaTemplate<String, LeadCaptured> kafka;
    private final Clock clock;

    public LeadPublisher(KafkaTemplate<String, LeadCaptured> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /** A LeadCaptured event for the lead, stamped now; the caller sets what it knows of the delivery. */
    public LeadCaptured.Builder newEvent(String eventId, String leadId, LeadDetails lead) {
        return LeadCaptured.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(clock.instant())
                .setLeadId(leadId)
                .setLead(lead);
    }

    /** Completes once the event is durable, or exceptionally with {@link LeadNotPublishedException}. */
    public CompletableFuture<Void> publish(LeadCaptured event) {
        String leadId = event.getLeadId();
        try {
            return kafka.send(Topics.LEADS_CAPTURED.name(), leadId, event)
                    .handle((result, failure) -> {
                        if (failure != null) {
                            log.warn("Lead {} not acknowledged by Kafka: {}", leadId, failure.toString());
                            throw new LeadNotPublishedException(leadId, failure);
                        }
                        // Debug, not info: this runs on the producer's one I/O thread for every lead of every
                        // acknowledged batch, so a log line each holds up the whole group's answers (the count of
                        // accepted leads is in leadloop.intake.leads.accepted).
                        log.debug("Lead {} touch {} captured from {} (partition {}, offset {})", leadId,
                                event.getTouch(), event.getLead().getSource().getChannel(),
                                result.getRecordMetadata().partition(), result.getRecordMetadata().offset());
                        return null;
                    });
        } catch (RuntimeException sendRefused) {
            // The producer refuses synchronously when it cannot even get metadata within max.block.ms.
            log.warn("Lead {} refused by the producer: {}", leadId, sendRefused.toString());
            return CompletableFuture.failedFuture(new LeadNotPublishedException(leadId, sendRefused));
        }
    }
}
