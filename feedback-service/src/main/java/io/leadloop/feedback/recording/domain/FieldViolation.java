package io.leadloop.feedback.recording.domain;

/**
 * One field of a submission that is not acceptable.
 *
 * @param pointer the field as a JSON pointer into the request body, e.g. {@code /amount}
 * @param detail what is wrong with it, for a human
 */
public record FieldViolation(String pointer, String detail) {
}
