package io.leadloop.handoff.sla;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What happens after an SLA breach, step by step, and the reminder before it.
 *
 * @param reminderShare the share of the time to first touch after which the owner is reminded, 0 &lt; share &lt; 1
 * @param steps the ladder: step 1 runs its {@code after} working time past the breach, each next step its
 *         {@code after} past the previous step; a reassignment gives the new owner a fresh SLA clock, and the
 *         ladder goes on from the next step at their breach
 */
public record EscalationLadder(double reminderShare, List<Step> steps) {

    public EscalationLadder {
        if (!(reminderShare > 0 && reminderShare < 1)) {
            throw new IllegalArgumentException("The reminder share must be between 0 and 1 (exclusive), was "
                    + reminderShare);
        }
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Remind at 75%, notify the manager at the breach, reassign 30 working minutes later. */
    public static EscalationLadder defaults() {
        return new EscalationLadder(0.75, List.of(new Step(Duration.ZERO, Set.of(Action.NOTIFY_MANAGER)),
                new Step(Duration.ofMinutes(30), Set.of(Action.REASSIGN))));
    }

    /** A rung of the ladder, numbered from 1. */
    public Step step(int level) {
        return steps.get(level - 1);
    }

    public boolean hasStep(int level) {
        return level >= 1 && level <= steps.size();
    }

    /** What one rung does. */
    public enum Action {
        /** The owner's manager is told ({@code LeadEscalated} with action NOTIFY_MANAGER). */
        NOTIFY_MANAGER,
        /** The lead goes to the next eligible rep with a fresh SLA clock. */
        REASSIGN
    }

    /**
     * @param after working time after the breach (first step) or the previous step, on the owner's calendar
     * @param actions what the step does (both: the manager hears of the reassignment)
     */
    public record Step(Duration after, Set<Action> actions) {

        public Step {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("An escalation step cannot run before the breach: " + after);
            }
            if (actions == null || actions.isEmpty()) {
                throw new IllegalArgumentException("An escalation step needs at least one action");
            }
            actions = Set.copyOf(actions);
        }
    }
}
