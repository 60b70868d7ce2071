package io.leadloop.qualification.scoring;

import java.util.function.Function;

/**
 * Points when one engagement counter (visits, seconds on site, page views) reached a threshold: a lead who came
 * back, stayed and read is more likely to be buying than one who clicked once.
 */
final class EngagementThresholdRule implements ScoringRule {

    private final String id;
    private final String counterName;
    private final Function<LeadProfile, Integer> counter;
    private final int threshold;
    private final int points;

    EngagementThresholdRule(String id, String counterName, Function<LeadProfile, Integer> counter, int threshold,
            int points) {
        this.id = id;
        this.counterName = counterName;
        this.counter = counter;
        this.threshold = threshold;
        this.points = points;
    }

    static EngagementThresholdRule visits(DefinitionParameters.Threshold parameters) {
        return new EngagementThresholdRule("engagement.visits", "visits", LeadProfile::visits, parameters.atLeast(),
                parameters.points());
    }

    static EngagementThresholdRule timeOnSite(DefinitionParameters.Threshold parameters) {
        return new EngagementThresholdRule("engagement.time-on-site", "seconds on site",
                LeadProfile::timeOnSiteSeconds, parameters.atLeast(), parameters.points());
    }

    static EngagementThresholdRule pageViews(DefinitionParameters.Threshold parameters) {
        return new EngagementThresholdRule("engagement.page-views", "page views", LeadProfile::pageViews,
                parameters.atLeast(), parameters.points());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public RuleContribution evaluate(LeadProfile lead) {
        Integer value = counter.apply(lead);
        if (value == null) {
            return new RuleContribution(id, 0, capitalised(counterName) + " unknown");
        }
        return value >= threshold
                ? new RuleContribution(id, points, value + " " + counterName + " (" + threshold + " or more)")
                : new RuleContribution(id, 0, value + " " + counterName + " (fewer than " + threshold + ")");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
