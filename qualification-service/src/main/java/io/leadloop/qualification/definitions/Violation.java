package io.leadloop.qualification.definitions;

/**
 * One thing wrong with a proposed definition.
 *
 * @param pointer RFC 6901 JSON pointer to the bad field in the proposed document, e.g. {@code /rules/visits/points}
 * @param detail what is wrong with it
 */
public record Violation(String pointer, String detail) {
}
