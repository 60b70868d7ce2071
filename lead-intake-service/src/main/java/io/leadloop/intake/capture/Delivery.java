package io.leadloop.intake.capture;

import java.util.Objects;
import java.util.Optional;

import io.leadloop.intake.lead.LeadSubmission;

/**
 * One lead as a source delivered it.
 *
 * @param source the configured source it came through ({@code api}, {@code google-ads}, ...)
 * @param submission the lead, mapped to our fields
 * @param deliveryId what the sender calls this delivery (platform lead id, or the Idempotency-Key header), if
 *     anything; a delivery with the same id from the same source is a repeat
 * @param sourceLeadId the platform's own lead id, kept on the event
 * @param test whether the platform marked it a test lead
 */
public record Delivery(String source, LeadSubmission submission, Optional<String> deliveryId,
        Optional<String> sourceLeadId, boolean test) {

    public Delivery {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(submission, "submission");
        deliveryId = deliveryId.filter(id -> !id.isBlank());
    }

    /** A delivery of our own API, optionally with the sender's Idempotency-Key. */
    public static Delivery viaApi(LeadSubmission submission, String idempotencyKey) {
        return new Delivery("api", submission, Optional.ofNullable(idempotencyKey), Optional.empty(), false);
    }
}
