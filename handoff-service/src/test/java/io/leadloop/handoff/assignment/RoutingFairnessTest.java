package io.leadloop.handoff.assignment;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.handoff.routing.LeadRouter;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.sla.BusinessCalendar;
import io.leadloop.handoff.sla.EscalationLadder;
import io.leadloop.handoff.sla.SlaPolicy;
import io.leadloop.handoff.sla.TeamCalendars;
import io.leadloop.testsupport.MutableClock;

/**
 * Issue 5's fairness promise: 10,000 leads over 5 equal reps land within ±1% of an even split, with a restart in
 * the middle. The restart closes the driver (processors, tasks, topology) and opens a new one over the stores'
 * contents, which is what the changelog restores in a real restart; the credits live in a store, not in memory.
 */
class RoutingFairnessTest {

    private static final int LEADS = 10_000;
    private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void splitsTenThousandLeadsEvenlyOverFiveRepsAcrossARestart() {
        var reps = IntStream.rangeClosed(1, 5).mapToObj(i -> new Rep("rep-" + i, "Rep " + i, "inbound")).toList();
        var rules = new HandoffRules(reps, new LeadRouter(),
                SlaPolicy.defaults(TeamCalendars.only(BusinessCalendar.officeHours(ZoneOffset.UTC))),
                EscalationLadder.defaults(), new MutableClock(MONDAY_NOON), Duration.ofSeconds(1));
        var stores = new SurvivingStores();
        String registry = "mock://handoff-fairness-" + UUID.randomUUID();
        Map<String, Integer> perRep = new TreeMap<>();

        for (int half = 0; half < 2; half++) {
            try (var topology = new HandoffDriver(rules, new MutableClock(MONDAY_NOON), stateDir, registry, stores)) {
                for (int i = 0; i < LEADS / 2; i++) {
                    topology.pipe(aScoredLead().mql().build());
                }
                for (LeadHandedOff handoff : topology.handoffs()) {
                    perRep.merge(handoff.getOwnerRepId(), 1, Integer::sum);
                }
            }
        }

        System.out.printf("Routing fairness: %d leads over 5 reps with a restart after %d: %s%n", LEADS, LEADS / 2,
                perRep);
        assertThat(perRep).hasSize(5);
        assertThat(perRep.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(LEADS);
        int even = LEADS / 5;
        assertThat(perRep.values()).allSatisfy(count -> assertThat(count).isBetween(even - even / 100,
                even + even / 100));
    }
}
