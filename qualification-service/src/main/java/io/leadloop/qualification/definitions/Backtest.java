package io.leadloop.qualification.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.qualification.scoring.LeadProfile;
import io.leadloop.qualification.scoring.QualificationStage;

/**
 * Replays leads seen so far, with the outcomes sales reported for them, under a proposed definition and under the
 * active one, so both teams see what a version would have done before approving it.
 *
 * <p>Every figure of a {@link Result} is a count, so results over disjoint sets of leads (one per partition or
 * instance) add up with {@link Result#plus}; rates are derived from the sums.
 *
 * <p>Outcomes exist only for leads sales worked, i.e. mostly for the active definition's MQLs: a looser version's
 * extra MQLs come without outcomes. Rates are therefore over the MQLs <em>with</em> an outcome, and
 * {@link Side#mqlsWithOutcome()} says how many that is.
 */
public final class Backtest {

    /** How many leads whose stage would change are named, as examples to look at. */
    public static final int CHANGED_LEADS_NAMED = 20;

    private final LeadDefinition proposed;
    private final LeadDefinition active;
    private final Tally proposedTally = new Tally();
    private final Tally activeTally = new Tally();
    private final Map<String, Long> transitions = new TreeMap<>();
    private final List<String> changedLeads = new ArrayList<>();
    private long stageChanges;

    public Backtest(LeadDefinition proposed, LeadDefinition active) {
        this.proposed = Objects.requireNonNull(proposed, "proposed");
        this.active = Objects.requireNonNull(active, "active");
    }

    /**
     * Replays one lead.
     *
     * @param accepted whether sales accepted it; null if no outcome was reported (or it was recycled)
     * @param won whether it was won; null if not known (yet)
     */
    public void add(String leadId, LeadProfile lead, Boolean accepted, Boolean won) {
        QualificationStage underProposed = proposed.score(lead).stage();
        QualificationStage underActive = active.score(lead).stage();
        proposedTally.add(underProposed, accepted, won);
        activeTally.add(underActive, accepted, won);
        if (underProposed != underActive) {
            stageChanges++;
            transitions.merge(underActive + "->" + underProposed, 1L, Long::sum);
            if (changedLeads.size() < CHANGED_LEADS_NAMED) {
                changedLeads.add(leadId);
            }
        }
    }

    public Result result() {
        return new Result(proposedTally.side(proposed.version()), activeTally.side(active.version()), stageChanges,
                transitions, changedLeads);
    }

    /**
     * What one definition would have done with the leads.
     *
     * @param version the definition version
     * @param leadsConsidered leads replayed
     * @param mqls leads it makes MQLs
     * @param mqlsWithOutcome of those, the ones sales reported an outcome for
     * @param accepted of those, accepted by sales (accepted, contacted, meeting, opportunity, won, lost)
     * @param won of those, won
     */
    public record Side(String version, long leadsConsidered, long mqls, long mqlsWithOutcome, long accepted,
            long won) {

        /** Accepted MQLs over MQLs with an outcome; null when none has one. */
        public Double acceptanceRate() {
            return mqlsWithOutcome == 0 ? null : (double) accepted / mqlsWithOutcome;
        }

        /** Won MQLs over MQLs with an outcome; null when none has one. */
        public Double winRate() {
            return mqlsWithOutcome == 0 ? null : (double) won / mqlsWithOutcome;
        }

        Side plus(Side other) {
            return new Side(version, leadsConsidered + other.leadsConsidered, mqls + other.mqls,
                    mqlsWithOutcome + other.mqlsWithOutcome, accepted + other.accepted, won + other.won);
        }
    }

    /**
     * A backtest's outcome, side by side.
     *
     * @param stageChanges leads whose stage differs between the two definitions
     * @param stageTransitions those, counted per {@code <active stage>-><proposed stage>}
     * @param changedLeads up to {@value #CHANGED_LEADS_NAMED} of those leads' ids
     */
    public record Result(Side proposed, Side active, long stageChanges, Map<String, Long> stageTransitions,
            List<String> changedLeads) {

        public Result {
            stageTransitions = Map.copyOf(Objects.requireNonNullElse(stageTransitions, Map.of()));
            changedLeads = List.copyOf(Objects.requireNonNullElse(changedLeads, List.of()));
        }

        /** This result and one over other leads (another partition or instance) together. */
        public Result plus(Result other) {
            Map<String, Long> transitions = new TreeMap<>(stageTransitions);
            other.stageTransitions.forEach((transition, count) -> transitions.merge(transition, count, Long::sum));
            List<String> changed = new ArrayList<>(changedLeads);
            other.changedLeads.stream().limit(Math.max(0, CHANGED_LEADS_NAMED - changed.size())).forEach(changed::add);
            return new Result(proposed.plus(other.proposed), active.plus(other.active),
                    stageChanges + other.stageChanges, transitions, changed);
        }
    }

    private static final class Tally {
        private long leads;
        private long mqls;
        private long withOutcome;
        private long accepted;
        private long won;

        void add(QualificationStage stage, Boolean accepted, Boolean won) {
            leads++;
            if (stage != QualificationStage.MQL) {
                return;
            }
            mqls++;
            if (accepted != null || won != null) {
                withOutcome++;
            }
            if (Boolean.TRUE.equals(accepted)) {
                this.accepted++;
            }
            if (Boolean.TRUE.equals(won)) {
                this.won++;
            }
        }

        Side side(String version) {
            return new Side(version, leads, mqls, withOutcome, accepted, won);
        }
    }
}
