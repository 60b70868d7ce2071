package io.leadloop.qualification.web;

import java.util.List;
import java.util.Map;

import io.leadloop.qualification.definitions.Backtest;

/**
 * A backtest, side by side: what the proposed version and the one it is compared with (the active one unless
 * {@code against} named another) would have done with the leads and outcomes seen so far.
 *
 * @param proposed the proposed version's figures
 * @param active the compared version's figures
 * @param stageChanges leads whose stage differs between the two
 * @param stageTransitions those per {@code <active stage>-><proposed stage>}
 * @param changedLeads up to 20 of those leads' ids, to look at
 */
record BacktestResponse(Side proposed, Side active, long stageChanges, Map<String, Long> stageTransitions,
        List<String> changedLeads) {

    static BacktestResponse from(Backtest.Result result) {
        return new BacktestResponse(Side.from(result.proposed()), Side.from(result.active()), result.stageChanges(),
                result.stageTransitions(), result.changedLeads());
    }

    /**
     * @param version the definition version
     * @param leadsConsidered leads replayed (every lead scored so far, as last scored)
     * @param mqls leads this version makes MQLs
     * @param mqlsWithOutcome of those, the ones sales reported an outcome for
     * @param accepted of those, accepted by sales
     * @param won of those, won
     * @param acceptanceRate accepted / mqlsWithOutcome; null when no MQL has an outcome
     * @param winRate won / mqlsWithOutcome; null when no MQL has an outcome
     */
    record Side(String version, long leadsConsidered, long mqls, long mqlsWithOutcome, long accepted, long won,
            Double acceptanceRate, Double winRate) {

        static Side from(Backtest.Side side) {
            return new Side(side.version(), side.leadsConsidered(), side.mqls(), side.mqlsWithOutcome(),
                    side.accepted(), side.won(), side.acceptanceRate(), side.winRate());
        }
    }
}
