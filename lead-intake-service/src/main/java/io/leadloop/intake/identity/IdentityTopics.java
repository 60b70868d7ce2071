package io.leadloop.intake.identity;

/**
 * Intake's own state topics: not events for other services, so they live here rather than in the schemas module.
 * Both are compacted; keys are SHA-256 hashes, values plain strings.
 */
final class IdentityTopics {

    /** Delivery key → lead id. Compacted and time-bounded: a delivery repeated after the retention is new again. */
    static final String DELIVERIES = "intake.deliveries.v1";
    /** Person key (hashed email or phone) → {@code leadId,touches}. Compacted, kept for the life of the lead. */
    static final String PEOPLE = "intake.people.v1";

    private IdentityTopics() {
    }
}
