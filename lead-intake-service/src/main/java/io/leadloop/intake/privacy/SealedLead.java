package io.leadloop.intake.privacy;

import io.leadloop.events.LeadDetails;

/** A lead ready to publish: contact sealed under {@code keyId} ({@code null} when nothing was sealed). */
public record SealedLead(LeadDetails lead, String keyId) {
}
