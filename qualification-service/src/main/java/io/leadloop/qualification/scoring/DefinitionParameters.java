package io.leadloop.qualification.scoring;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every number and switch of the built-in rules, so that a lead definition version is data that marketing and
 * sales propose and approve, not code: the MQL line, the priority tiers, each rule's points and thresholds, and
 * which disqualifiers apply. The shape mirrors the JSON document of {@code POST /api/v1/definitions}.
 *
 * @param mqlThreshold a lead with at least this score is an MQL
 * @param priority the HOT and WARM lines
 * @param rules the parameters of each scoring rule
 * @param disqualifiers which disqualifiers apply
 */
public record DefinitionParameters(int mqlThreshold, Priority priority, Rules rules, Disqualifiers disqualifiers) {

    /** The parameters of the built-in definition ({@code builtin-1}), as documented in the module's README. */
    public static final DefinitionParameters BUILTIN = new DefinitionParameters(50, new Priority(75, 50),
            new Rules(new JobTitle(20, 10),
                    List.of(new SizeTier(1000, 20), new SizeTier(50, 15), new SizeTier(10, 5)),
                    new EmailDomain(10, -5),
                    new Firmographics(3, 2),
                    new Threshold(3, 10),
                    new Threshold(300, 10),
                    new Threshold(5, 5),
                    new HighIntentForm(Set.of("demo-request", "contact-sales"), 15)),
            new Disqualifiers(true, true));

    public DefinitionParameters {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(disqualifiers, "disqualifiers");
    }

    /** The same parameters with other score lines (the configuration of the built-in definition may move them). */
    public DefinitionParameters withThresholds(ScoringThresholds thresholds) {
        return new DefinitionParameters(thresholds.mql(), new Priority(thresholds.hot(), thresholds.warm()), rules,
                disqualifiers);
    }

    ScoringThresholds thresholds() {
        return new ScoringThresholds(mqlThreshold, priority.hot(), priority.warm());
    }

    /** @param hot at least this score is HOT @param warm at least this score (below HOT) is WARM */
    public record Priority(int hot, int warm) {
    }

    public record Rules(JobTitle jobTitle, List<SizeTier> companySize, EmailDomain emailDomain,
            Firmographics firmographics, Threshold visits, Threshold timeOnSite, Threshold pageViews,
            HighIntentForm highIntentForm) {

        public Rules {
            Objects.requireNonNull(jobTitle, "jobTitle");
            companySize = List.copyOf(companySize);
            Objects.requireNonNull(emailDomain, "emailDomain");
            Objects.requireNonNull(firmographics, "firmographics");
            Objects.requireNonNull(visits, "visits");
            Objects.requireNonNull(timeOnSite, "timeOnSite");
            Objects.requireNonNull(pageViews, "pageViews");
            Objects.requireNonNull(highIntentForm, "highIntentForm");
        }
    }

    /** Points for a decision maker's title (C-level, VP, head, director, founder) and for a manager's. */
    public record JobTitle(int decisionMaker, int manager) {
    }

    /** Points for a company with at least {@code minEmployees}; the highest tier reached counts. */
    public record SizeTier(int minEmployees, int points) {
    }

    /** Points for a corporate email domain and for a free-mail one. */
    public record EmailDomain(int corporate, int freeMail) {
    }

    /** Points when the company's industry and its country are known. */
    public record Firmographics(int industryKnown, int countryKnown) {
    }

    /** Points once an engagement counter reached {@code atLeast}. */
    public record Threshold(int atLeast, int points) {
    }

    /** Points for a form that asks for sales. */
    public record HighIntentForm(Set<String> forms, int points) {

        public HighIntentForm {
            forms = Set.copyOf(forms);
        }
    }

    /** Which disqualifiers apply. */
    public record Disqualifiers(boolean noConsent, boolean studentOrJobSeeker) {
    }
}
