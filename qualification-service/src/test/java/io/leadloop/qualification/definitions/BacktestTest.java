package io.leadloop.qualification.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.qualification.scoring.LeadProfile;
import io.leadloop.qualification.scoring.ScoringThresholds;

class BacktestTest {

    private static final LeadDefinition ACTIVE = BuiltinLeadDefinition.create("builtin-1", ScoringThresholds.DEFAULT,
            BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS);
    /** The MQL line at 95: the Acme VP's 90 points no longer qualify. */
    private static final LeadDefinition STRICT = BuiltinLeadDefinition.create("strict-1",
            new ScoringThresholds(95, 95, 95), BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS);

    /** 90 points: MQL under builtin-1, not under strict-1. */
    private static LeadProfile acmeVp() {
        return new LeadProfile("ana@acme.io", "VP Marketing", "acme.io", 250, "software", "US", "spring",
                "demo-request", 3, 540, 7, true, null);
    }

    /** 0 points in every definition. */
    private static LeadProfile stranger() {
        return new LeadProfile(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void countsMqlsAndTheirOutcomesUnderBothDefinitionsAndTheLeadsWhoseStageChanges() {
        var backtest = new Backtest(STRICT, ACTIVE);
        backtest.add("won", acmeVp(), true, true);
        backtest.add("rejected", acmeVp(), false, false);
        backtest.add("no-outcome", acmeVp(), null, null);
        backtest.add("cold", stranger(), null, null);

        Backtest.Result result = backtest.result();

        assertThat(result.active()).isEqualTo(new Backtest.Side("builtin-1", 4, 3, 2, 1, 1));
        assertThat(result.active().acceptanceRate()).isEqualTo(0.5);
        assertThat(result.active().winRate()).isEqualTo(0.5);
        assertThat(result.proposed()).isEqualTo(new Backtest.Side("strict-1", 4, 0, 0, 0, 0));
        assertThat(result.proposed().acceptanceRate()).as("no MQL with an outcome: no rate").isNull();
        assertThat(result.stageChanges()).isEqualTo(3);
        assertThat(result.stageTransitions()).containsExactly(Map.entry("MQL->NOT_QUALIFIED", 3L));
        assertThat(result.changedLeads()).containsExactly("won", "rejected", "no-outcome");
    }

    @Test
    void addsUpResultsOverDisjointLeadsSoPartitionsAndInstancesCanBeQueriedApart() {
        var onePartition = new Backtest(STRICT, ACTIVE);
        onePartition.add("a", acmeVp(), true, false);
        var another = new Backtest(STRICT, ACTIVE);
        another.add("b", acmeVp(), true, true);
        another.add("c", stranger(), null, null);
        var everything = new Backtest(STRICT, ACTIVE);
        everything.add("a", acmeVp(), true, false);
        everything.add("b", acmeVp(), true, true);
        everything.add("c", stranger(), null, null);

        assertThat(onePartition.result().plus(another.result())).isEqualTo(everything.result());
    }
}
