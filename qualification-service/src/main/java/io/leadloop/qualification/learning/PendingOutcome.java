package io.leadloop.qualification.learning;

import java.util.Objects;

/**
 * An outcome that reached learning before its lead was scored (the two topics are read independently), kept until
 * the capture brings the features it teaches about.
 *
 * @param outcome the sales outcome's name, as in {@code FeedbackRecorded.outcome}
 * @param reason the rejection reason as reported, or null
 */
public record PendingOutcome(String outcome, String reason) {

    public PendingOutcome {
        Objects.requireNonNull(outcome, "outcome");
    }
}
