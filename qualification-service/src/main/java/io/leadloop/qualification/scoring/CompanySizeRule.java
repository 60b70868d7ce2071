package io.leadloop.qualification.scoring;

/** Company size by employees: 1000+ → +20, 50+ → +15, 10+ → +5; smaller or unknown → 0. */
final class CompanySizeRule implements ScoringRule {

    static final String ID = "fit.company-size";

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
        if (employees >= 1000) {
            return new RuleContribution(ID, 20, "Enterprise: " + employees + " employees (1000 or more)");
        }
        if (employees >= 50) {
            return new RuleContribution(ID, 15, "Mid-size company: " + employees + " employees (50 or more)");
        }
        if (employees >= 10) {
            return new RuleContribution(ID, 5, "Small company: " + employees + " employees (10 or more)");
        }
        return new RuleContribution(ID, 0, "Very small company: " + employees + " employees (fewer than 10)");
    }
}
