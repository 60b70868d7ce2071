package io.leadloop.feedback.recording.domain;

/**
 * Well-formed feedback that cannot be true as reported, such as a win without an amount, or a rejection without
 * a reason. Refused rather than recorded, so the numbers built from feedback can be trusted.
 */
public class ImpossibleOutcome extends RuntimeException {

    private final String pointer;

    public ImpossibleOutcome(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    /** The JSON pointer of the field that is missing or contradicts the outcome. */
    public String pointer() {
        return pointer;
    }
}
