package io.leadloop.feedback.recording.domain;

import java.util.List;

/** The submission is not well-formed feedback; every offending field is named. */
public class InvalidFeedback extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidFeedback(List<FieldViolation> violations) {
        super("Invalid feedback: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
