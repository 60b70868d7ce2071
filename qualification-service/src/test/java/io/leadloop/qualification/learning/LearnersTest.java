package io.leadloop.qualification.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LearnersTest {

    private static final Set<String> HOT = Set.of("engagement.timeOnSiteSeconds=1024-1218", "attributes.lead origin=lead add form");
    private static final Set<String> COLD = Set.of("engagement.timeOnSiteSeconds=0", "attributes.lead origin=api");

    @Test
    void bothLearnersRankALeadLikeTheWonOnesAboveALeadLikeTheLostOnes() {
        for (Learner learner : List.of(new NaiveBayes(), new OnlineLogisticRegression())) {
            Map<String, Double> parameters = new HashMap<>();
            ParameterSource source = key -> parameters.getOrDefault(key, 0.0);
            for (int i = 0; i < 20; i++) {
                parameters.putAll(learner.learn("all", "won", HOT, true, null, source));
                parameters.putAll(learner.learn("all", "won", COLD, false, null, source));
            }
            Prediction hot = learner.predict("all", "won", HOT, source);
            Prediction cold = learner.predict("all", "won", COLD, source);
            assertThat(hot.probability()).as(learner.algorithm()).isGreaterThan(0.8);
            assertThat(cold.probability()).as(learner.algorithm()).isLessThan(0.2);
            assertThat(hot.pushedUp(3)).extracting(Influence::feature).containsExactlyInAnyOrderElementsOf(HOT);
            assertThat(cold.pushedDown(3)).extracting(Influence::feature).containsExactlyInAnyOrderElementsOf(COLD);
            assertThat(hot.examples()).isEqualTo(40);
        }
    }

    @Test
    void predictsTheBaseRateForFeaturesNeverSeenWithAnOutcome() {
        Map<String, Double> parameters = new HashMap<>();
        ParameterSource source = key -> parameters.getOrDefault(key, 0.0);
        var bayes = new NaiveBayes();
        parameters.putAll(bayes.learn("all", "won", HOT, true, null, source));
        parameters.putAll(bayes.learn("all", "won", HOT, false, null, source));
        parameters.putAll(bayes.learn("all", "won", HOT, false, null, source));
        // 1 won of 3, smoothed: (1+1)/(2+1); the unseen feature neither helps nor hurts.
        assertThat(bayes.predict("all", "won", Set.of("jobTitle=astronaut"), source).probability())
                .isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void binsNumbersFourPerDoubling() {
        assertThat(NumericBins.of(0)).isEqualTo("0");
        assertThat(NumericBins.of(0.5)).isEqualTo("0-1");
        assertThat(NumericBins.of(1)).isEqualTo("1.00-1.19");
        assertThat(NumericBins.of(674)).isEqualTo("609-724");
        assertThat(NumericBins.of(700)).isEqualTo(NumericBins.of(674));
        assertThat(NumericBins.of(-3)).isEqualTo("<0");
    }

    @Test
    void anOutcomeTeachesAcceptanceAndWinning() {
        assertThat(OutcomeLabels.of("WON")).containsExactly(Map.entry("accepted", true), Map.entry("won", true));
        assertThat(OutcomeLabels.of("LOST")).containsExactly(Map.entry("accepted", true), Map.entry("won", false));
        assertThat(OutcomeLabels.of("REJECTED")).containsExactly(Map.entry("accepted", false), Map.entry("won", false));
        assertThat(OutcomeLabels.of("MEETING_BOOKED")).containsExactly(Map.entry("accepted", true));
        assertThat(OutcomeLabels.of("RECYCLED")).isEmpty();
    }

    @Test
    void publishesOnlyWhatScoringReadsNotTheLogisticRegressionWritersOwnStepSizes() {
        var learner = new OnlineLogisticRegression();
        var changed = learner.learn("all", "won", java.util.List.of("jobTitle=vp"), true, null, key -> 0);

        assertThat(changed.keySet()).filteredOn(learner::neededToPredict)
                .containsExactlyInAnyOrder("logistic-regression|all|won|w|(bias)", "logistic-regression|all|won|w|jobTitle=vp",
                        "logistic-regression|all|won|examples|");
        assertThat(new NaiveBayes().neededToPredict("naive-bayes|all|won|n+|")).isTrue();
    }
}
