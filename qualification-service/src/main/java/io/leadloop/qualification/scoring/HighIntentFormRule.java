package io.leadloop.qualification.scoring;

import java.util.Set;

/** A lead who filled in a demo-request or contact-sales form asked for sales themselves: +15. */
final class HighIntentFormRule implements ScoringRule {

    static final String ID = "engagement.high-intent-form";
    private final Set<String> highIntentForms;
    private final int points;

    HighIntentFormRule(DefinitionParameters.HighIntentForm parameters) {
        this.highIntentForms = parameters.forms();
        this.points = parameters.points();
    }

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
        return highIntentForms.contains(form.trim())
                ? new RuleContribution(ID, points, "Asked for sales through the \"" + form + "\" form")
                : new RuleContribution(ID, 0, "Form \"" + form + "\" shows no buying intent");
    }
}
