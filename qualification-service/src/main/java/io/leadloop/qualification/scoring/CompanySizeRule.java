package io.leadloop.qualification.scoring;

import java.util.Comparator;
import java.util.List;

/**
 * Company size by employees: the highest tier the lead's company reaches gives its points (built-in: 1000+ → +20,
 * 50+ → +15, 10+ → +5); smaller or unknown → 0.
 */
final class CompanySizeRule implements ScoringRule {

    static final String ID = "fit.company-size";

    private final List<DefinitionParameters.SizeTier> tiersLargestFirst;

    CompanySizeRule(List<DefinitionParameters.SizeTier> tiers) {
        this.tiersLargestFirst = tiers.stream()
                .sorted(Comparator.comparingInt(DefinitionParameters.SizeTier::minEmployees).reversed())
                .toList();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleContribution evaluate(LeadProfile lead) {
        Integer employees = lead.companyEmployees();
        if (employees == null) {
            return new RuleContribution(ID, 0, "Company size unknown");
        }
        for (DefinitionParameters.SizeTier tier : tiersLargestFirst) {
            if (employees >= tier.minEmployees()) {
                return new RuleContribution(ID, tier.points(),
                        sizeName(tier.minEmployees()) + ": " + employees + " employees (" + tier.minEmployees() + " or more)");
            }
        }
        int smallest = tiersLargestFirst.isEmpty() ? 0 : tiersLargestFirst.getLast().minEmployees();
        return new RuleContribution(ID, 0,
                "Very small company: " + employees + " employees (fewer than " + smallest + ")");
    }

    /** The names the built-in tiers' explanations have always used, so existing explanations stay as they were. */
    private static String sizeName(int minEmployees) {
        if (minEmployees >= 1000) {
            return "Enterprise";
        }
        return minEmployees >= 50 ? "Mid-size company" : "Small company";
    }
}
