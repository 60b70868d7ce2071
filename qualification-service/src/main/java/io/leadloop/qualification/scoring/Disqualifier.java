package io.leadloop.qualification.scoring;

import java.util.Optional;

/**
 * A rule that takes a lead out of the funnel whatever its score: sales must never be sent someone who did not
 * consent or who is not a buyer.
 */
public interface Disqualifier {

    /** Stable id, e.g. {@code disqualifier.no-consent}. */
    String id();

    /** Why the lead is disqualified (a zero-point contribution), or empty when this rule does not apply. */
    Optional<RuleContribution> disqualifies(LeadProfile lead);
}
