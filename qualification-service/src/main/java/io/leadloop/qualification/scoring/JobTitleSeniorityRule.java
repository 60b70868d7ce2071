package io.leadloop.qualification.scoring;

import java.util.regex.Pattern;

/**
 * Seniority from the job title: people who can sign (C-level, VP, head, director, founder) +20, managers +10.
 * Matched on whole words, so "Managing Director" is a director and "International" is no intern.
 */
final class JobTitleSeniorityRule implements ScoringRule {

    static final String ID = "fit.job-title";
    private final int decisionMakerPoints;
    private final int managerPoints;

    private static final Pattern DECISION_MAKER = Pattern.compile(
            "\\b(c[a-z]o|ciso|chief|president|vp|svp|evp|vice[ -]president|head|director|founder|co-founder)\\b");
    private static final Pattern MANAGER = Pattern.compile("\\b(manager|management)\\b");

    JobTitleSeniorityRule(DefinitionParameters.JobTitle parameters) {
        this.decisionMakerPoints = parameters.decisionMaker();
        this.managerPoints = parameters.manager();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleContribution evaluate(LeadProfile lead) {
        return lead.normalisedJobTitle()
                .map(title -> {
                    if (DECISION_MAKER.matcher(title).find()) {
                        return new RuleContribution(ID, decisionMakerPoints,
                                "Senior decision maker (C-level, VP, head or director): \"" + lead.jobTitle() + "\"");
                    }
                    if (MANAGER.matcher(title).find()) {
                        return new RuleContribution(ID, managerPoints, "Manager: \"" + lead.jobTitle() + "\"");
                    }
                    return new RuleContribution(ID, 0, "No seniority in job title \"" + lead.jobTitle() + "\"");
                })
                .orElseGet(() -> new RuleContribution(ID, 0, "Job title unknown"));
    }
}
