package io.leadloop.qualification.scoring;

import java.util.Set;

/** A lead who filled in a demo-request or contact-sales form asked for sales themselves: +15. */
final class HighIntentFormRule implements ScoringRule {

    static final String ID = "engagement.high-intent-form";
    static final int POINTS = 15;
    static final Set<String> HIGH_INTENT_FORMS = Set.of("demo-request", "contact-sales");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleContribution evaluate(LeadProfile lead) {
        String form = lead.formId();
        if (!LeadProfile.isKnown(form)) {
            return new RuleContribution(ID, 0, "No form submitted");
        }
        return HIGH_INTENT_FORMS.contains(form.trim())
                ? new RuleContribution(ID, POINTS, "Asked for sales through the \"" + form + "\" form")
                : new RuleContribution(ID, 0, "Form \"" + form + "\" shows no buying intent");
    }
}
