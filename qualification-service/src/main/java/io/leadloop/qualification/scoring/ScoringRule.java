package io.leadloop.qualification.scoring;

/** A rule that adds (or removes) points for one signal of fit or engagement. */
public interface ScoringRule {

    /** Stable id, e.g. {@code engagement.visits}. */
    String id();

    /** This rule's contribution to the lead's score, zero points included, so that every score explains itself. */
    RuleContribution evaluate(LeadProfile lead);
}
