package io.leadloop.intake.privacy;

import java.util.concurrent.CompletableFuture;

import io.leadloop.events.LeadDetails;

/** Seals a lead's contact fields under its person's data key before intake publishes it. */
public interface ContactSealing {

    /**
     * Completes with the sealed lead once the person's key is durable on {@code privacy.person-keys.v1} (created
     * now on first sight), or exceptionally with {@link io.leadloop.intake.publishing.LeadNotPublishedException}.
     */
    CompletableFuture<SealedLead> seal(String leadId, LeadDetails lead);

    /** Publishes plaintext: for tests of other capabilities. */
    static ContactSealing none() {
        return (leadId, lead) -> CompletableFuture.completedFuture(new SealedLead(lead, null));
    }
}
