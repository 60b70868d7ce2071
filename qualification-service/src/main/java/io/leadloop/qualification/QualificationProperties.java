package io.leadloop.qualification;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadloop.qualification.learning.LeadModels;
import io.leadloop.qualification.learning.Learner;
import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.DefinitionParameters;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.qualification.scoring.ScoringThresholds;

/**
 * Qualification's own settings ({@code leadloop.qualification.*}).
 *
 * @param scoring the built-in lead definition's version, score lines and free-mail domains
 * @param learning which learners learn from outcomes, and from which fields
 * @param captures how captured leads are read
 * @param rescoring re-scoring the leads not handed off yet when a definition version becomes active
 */
@ConfigurationProperties("leadloop.qualification")
public record QualificationProperties(@DefaultValue Scoring scoring, @DefaultValue Learning learning,
        @DefaultValue Captures captures, @DefaultValue Rescoring rescoring) {

    /**
     * @param deduplicationRetention how long the eventId of a scored capture is remembered, so a capture published
     *        twice (two intake instances racing on one delivery) is scored once; a copy arriving later than this
     *        after the first would be scored again. Bounds the store: one entry per capture within the window.
     */
    public record Captures(@DefaultValue("7d") Duration deduplicationRetention) {

        public Captures {
            if (deduplicationRetention.isNegative() || deduplicationRetention.isZero()) {
                throw new IllegalArgumentException(
                        "leadloop.qualification.captures.deduplication-retention must be positive");
            }
        }

        public static Captures defaults() {
            return new Captures(Duration.ofDays(7));
        }
    }

    /**
     * @param enabled whether activating a definition version re-scores the leads not handed off yet
     * @param checkInterval how often each stream task compares the active version with the one its leads were
     *        last re-scored under (wall-clock: an activation must take effect even if no lead arrives)
     * @param batchSize leads a task re-scores per check at most; the rest at the next checks, so one transaction
     *        stays far below the transaction timeout however many leads there are
     */
    public record Rescoring(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration checkInterval,
            @DefaultValue("10000") int batchSize) {

        public Rescoring {
            if (checkInterval.isNegative() || checkInterval.isZero() || batchSize < 1) {
                throw new IllegalArgumentException(
                        "leadloop.qualification.rescoring: check-interval must be positive and batch-size at least 1");
            }
        }

        public static Rescoring defaults() {
            return new Rescoring(true, Duration.ofSeconds(1), 10_000);
        }
    }

    /**
     * @param algorithm the learner whose probabilities {@code LeadScored} reports as active:
     *        {@code naive-bayes} or {@code logistic-regression}
     * @param shadowAlgorithm a challenger learning from the same outcomes, reported with {@code active=false} so
     *        both can be compared on live data; {@code none} for none
     * @param segmentBy {@code none} (one model) or {@code channel} (one model per source channel)
     * @param excludedFields fields never learned from, by feature name prefix (e.g. {@code attributes.tags});
     *        sales notes written after contact would leak the outcome
     * @param explanations how many features that pushed a probability up (and down) each score names
     * @param pendingOutcomeTtl how long an outcome whose lead was never captured is kept waiting for the capture;
     *        a typo'd lead id from a CRM would otherwise stay in the learning state forever
     */
    public record Learning(
            @DefaultValue("logistic-regression") String algorithm,
            @DefaultValue("naive-bayes") String shadowAlgorithm,
            @DefaultValue("none") String segmentBy,
            Set<String> excludedFields,
            @DefaultValue("3") int explanations,
            @DefaultValue("30d") Duration pendingOutcomeTtl) {

        public Learning {
            excludedFields = excludedFields == null ? Set.of() : Set.copyOf(excludedFields);
            if (pendingOutcomeTtl == null || pendingOutcomeTtl.isNegative() || pendingOutcomeTtl.isZero()) {
                throw new IllegalArgumentException(
                        "leadloop.qualification.learning.pending-outcome-ttl must be positive, not " + pendingOutcomeTtl);
            }
            if (!segmentBy.equals("none") && !segmentBy.equals("channel")) {
                throw new IllegalArgumentException("leadloop.qualification.learning.segment-by must be none or channel, not '"
                        + segmentBy + "'");
            }
        }

        /** The learners these settings name; fails at startup on an unknown algorithm. */
        public LeadModels toLeadModels() {
            Learner shadow = shadowAlgorithm.equals("none") || shadowAlgorithm.equals(algorithm)
                    ? null
                    : LeadModels.named(shadowAlgorithm);
            return new LeadModels(LeadModels.named(algorithm), shadow, LeadModels.DEFAULT_TARGETS);
        }
    }

    /**
     * @param definitionVersion the version of the built-in definition, which scores until marketing and sales
     *        activate one through {@code /api/v1/definitions}; change it when you change the lines below, so scores
     *        made under different lines can be told apart
     * @param mqlThreshold a lead with at least this score is an MQL
     * @param hotThreshold at least this score is HOT
     * @param warmThreshold at least this score (below HOT) is WARM, else COLD
     * @param freeMailDomains email domains that say nothing about a company; empty means the built-in list
     */
    public record Scoring(
            @DefaultValue("builtin-1") String definitionVersion,
            @DefaultValue("50") int mqlThreshold,
            @DefaultValue("75") int hotThreshold,
            @DefaultValue("50") int warmThreshold,
            Set<String> freeMailDomains) {

        public Scoring {
            freeMailDomains = freeMailDomains == null || freeMailDomains.isEmpty()
                    ? BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS
                    : Set.copyOf(freeMailDomains);
        }

        /** The lead definition these settings describe; fails at startup if the lines contradict each other. */
        public LeadDefinition toLeadDefinition() {
            return BuiltinLeadDefinition.create(definitionVersion, toDefinitionParameters(), freeMailDomains);
        }

        /** The built-in parameters with the configured score lines: the document of the built-in version. */
        public DefinitionParameters toDefinitionParameters() {
            return DefinitionParameters.BUILTIN.withThresholds(
                    new ScoringThresholds(mqlThreshold, hotThreshold, warmThreshold));
        }
    }
}
