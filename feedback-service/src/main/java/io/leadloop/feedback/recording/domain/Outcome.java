package io.leadloop.feedback.recording.domain;

import java.util.Arrays;
import java.util.Optional;

/** The outcomes a rep or a tool may report for a lead. */
public enum Outcome {
    ACCEPTED, REJECTED, CONTACTED, MEETING_BOOKED, OPPORTUNITY, WON, LOST, RECYCLED;

    /** The outcome with exactly this name, if there is one. */
    public static Optional<Outcome> named(String name) {
        return Arrays.stream(values()).filter(outcome -> outcome.name().equals(name)).findFirst();
    }
}
