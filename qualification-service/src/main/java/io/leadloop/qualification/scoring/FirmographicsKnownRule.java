package io.leadloop.qualification.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A lead whose company's industry (+3) and country (+2) are known can be routed and researched; a small nudge,
 * not a verdict, until a definition says which industries and countries we sell to.
 */
final class FirmographicsKnownRule implements ScoringRule {

    static final String ID = "fit.firmographics";
    private final int industryPoints;
    private final int countryPoints;

    FirmographicsKnownRule(DefinitionParameters.Firmographics parameters) {
        this.industryPoints = parameters.industryKnown();
        this.countryPoints = parameters.countryKnown();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleContribution evaluate(LeadProfile lead) {
        int points = 0;
        List<String> known = new ArrayList<>();
        if (LeadProfile.isKnown(lead.industry())) {
            points += industryPoints;
            known.add("industry " + lead.industry());
        }
        if (LeadProfile.isKnown(lead.country())) {
            points += countryPoints;
            known.add("country " + lead.country());
        }
        return new RuleContribution(ID, points, known.isEmpty()
                ? "Industry and country unknown"
                : "Known " + String.join(" and ", known));
    }
}
