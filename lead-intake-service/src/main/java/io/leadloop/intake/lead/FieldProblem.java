package io.leadloop.intake.lead;

/**
 * One thing wrong with a submitted lead.
 *
 * @param pointer RFC 6901 JSON pointer to the offending field, e.g. {@code /company/employees}
 * @param detail what is wrong, for a human
 */
public record FieldProblem(String pointer, String detail) {
}
