package io.leadloop.qualification.learning;

/**
 * How much one feature of a lead moved a learned probability, in log-odds: positive pushed it up, negative down.
 *
 * @param feature the feature, e.g. {@code attributes.lead source=google}
 * @param logOdds its contribution to the log-odds of the probability
 */
public record Influence(String feature, double logOdds) {
}
