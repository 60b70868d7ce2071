package io.leadloop.qualification.learning;

import java.time.Instant;
import java.util.Objects;

/**
 * An outcome that reached learning before its lead was scored (the two topics are read independently), kept until
 * the capture brings the features it teaches about, or until it expired (a lead that is never captured).
 *
 * @param outcome the sales outcome's name, as in {@code FeedbackRecorded.outcome}
 * @param reason the rejection reason as reported, or null
 * @param keptAt when learning started keeping it (the service's clock); null in state written before outcomes
 *        expired, which the next expiry check stamps with its own time
 */
public record PendingOutcome(String outcome, String reason, Instant keptAt) {

    public PendingOutcome {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether it was kept before {@code cutoff}; one without a time is not (it gets one first). */
    public boolean keptBefore(Instant cutoff) {
        return keptAt != null && keptAt.isBefore(cutoff);
    }
}
