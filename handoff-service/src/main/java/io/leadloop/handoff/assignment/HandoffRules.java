package io.leadloop.handoff.assignment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.leadloop.handoff.consent.SalesContactConsent;
import io.leadloop.handoff.routing.LeadRouter;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.sla.EscalationLadder;
import io.leadloop.handoff.sla.SlaPolicy;

/**
 * What the topology needs to decide a handoff: the configured roster (the API's changes overlay it), the router,
 * how long reps have and what happens when they miss it, what "now" is (a {@link Clock} so tests pin it), and how
 * often due SLA timers are looked for (wall-clock), and whose consent a handoff needs.
 */
public record HandoffRules(List<Rep> configuredReps, LeadRouter router, SlaPolicy sla, EscalationLadder ladder,
        Clock clock, Duration timerInterval, SalesContactConsent consent) {

    /** With the default consent rule: only an explicit "no" to sales contact withholds a lead. */
    public HandoffRules(List<Rep> configuredReps, LeadRouter router, SlaPolicy sla, EscalationLadder ladder,
            Clock clock, Duration timerInterval) {
        this(configuredReps, router, sla, ladder, clock, timerInterval, SalesContactConsent.UNKNOWN_ALLOWED);
    }

    public HandoffRules {
        configuredReps = List.copyOf(configuredReps);
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timerInterval, "timerInterval");
        Objects.requireNonNull(consent, "consent");
    }
}
