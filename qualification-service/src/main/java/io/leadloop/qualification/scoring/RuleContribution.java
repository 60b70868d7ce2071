package io.leadloop.qualification.scoring;

import java.util.Objects;

/**
 * One rule's part in a score: which rule, how many points (zero and negative included) and why, in words a sales
 * rep reads. Every rule of a definition contributes one, so a score always adds up in front of the reader.
 *
 * @param rule stable id of the rule, e.g. {@code fit.job-title}; reports and later definitions refer to it
 * @param points what the rule added (or, if negative, took away)
 * @param explanation why, for people
 */
public record RuleContribution(String rule, int points, String explanation) {

    public RuleContribution {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(explanation, "explanation");
    }
}
