package io.leadloop.handoff.assignment;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadloop.events.EscalationAction;
import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadEscalated;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadRecycled;
import io.leadloop.events.LeadScored;
import io.leadloop.events.Priority;
import io.leadloop.events.RepRosterChanged;
import io.leadloop.events.SalesOutcome;
import io.leadloop.events.SlaBreached;
import io.leadloop.events.SlaReminderDue;
import io.leadloop.handoff.roster.RosterChanges;
import io.leadloop.handoff.routing.LeadRouter;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.sla.BusinessCalendar;
import io.leadloop.handoff.sla.EscalationLadder;
import io.leadloop.handoff.sla.SlaPolicy;
import io.leadloop.handoff.sla.TeamCalendars;
import io.leadloop.testsupport.MutableClock;

class HandoffTopologyTest {

    /** Monday 15:00 UTC: 16:00 in Berlin (inbound-emea), 10:00 in New York (inbound-americas): all at work. */
    private static final Instant AFTERNOON = Instant.parse("2026-03-02T15:00:00Z");
    /** Monday 09:00 UTC: 10:00 in Berlin, 04:00 in New York (not at work). */
    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00Z");

    private static final List<Rep> REPS = List.of(
            rep("rep-ana", "inbound-emea"), rep("rep-bo", "inbound-americas"), rep("rep-cy", "inbound-apac"));

    @TempDir
    Path stateDir;

    private HandoffDriver topology;

    private HandoffDriver start(Instant now) {
        var calendars = new TeamCalendars(
                Map.of("inbound-emea", BusinessCalendar.officeHours(ZoneId.of("Europe/Berlin")),
                        "inbound-americas", BusinessCalendar.officeHours(ZoneId.of("America/New_York"))),
                BusinessCalendar.officeHours(ZoneOffset.UTC));
        var clock = new MutableClock(now);
        var rules = new HandoffRules(REPS, new LeadRouter(), SlaPolicy.defaults(calendars),
                EscalationLadder.defaults(), clock, Duration.ofSeconds(1));
        topology = new HandoffDriver(rules, clock, stateDir);
        return topology;
    }

    @AfterEach
    void close() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void handsAnMqlToARepWithItsSlaTheFullSnapshotAndTheExplainedRouting() {
        start(AFTERNOON);
        LeadScored lead = aScoredLead().mql().hot().build();

        topology.pipe(lead);

        var record = topology.handedOff.readRecord();
        LeadHandedOff handoff = record.value();
        assertThat(record.key()).isEqualTo(lead.getLeadId());
        assertThat(handoff.getOwnerRepId()).isEqualTo("rep-ana");
        assertThat(handoff.getOwnerTeam()).isEqualTo("inbound-emea");
        assertThat(handoff.getRoutingRule()).isEqualTo("ROUND_ROBIN");
        assertThat(handoff.getRoutingReason()).isEqualTo("round robin: rep-ana was next of 3 eligible reps");
        assertThat(handoff.getRoutingTrace()).containsExactly(
                "account owner: no rep owns acme.io",
                "territory US: every rep in the pool covers it",
                "segment MID: every rep in the pool covers it",
                "skills: the lead needs none",
                "round robin: rep-ana was next of 3 eligible reps");
        assertThat(handoff.getOccurredAt()).isEqualTo(AFTERNOON);
        assertThat(handoff.getSlaDueAt()).isEqualTo(AFTERNOON.plus(Duration.ofMinutes(15)));
        assertThat(handoff.getHandoffNumber()).isEqualTo(1);
        assertThat(handoff.getScore()).isEqualTo(lead.getScore());
        assertThat(handoff.getPriority()).isEqualTo(Priority.HOT);
        assertThat(handoff.getReasons()).isEqualTo(lead.getReasons());
        assertThat(handoff.getDefinitionVersion()).isEqualTo(lead.getDefinitionVersion());
        assertThat(handoff.getLead()).isEqualTo(lead.getLead());
        assertThat(handoff.getEventId()).isEqualTo(HandoffProcessor.eventIdFor(lead));
        assertThat(topology.handedOff.isEmpty()).isTrue();
    }

    @Test
    void forgetsTheContactOfAnErasedPersonAndKeepsTheHandoffItsOwnerAndQueue() {
        start(AFTERNOON);
        LeadScored lead = aScoredLead().mql().hot().build();
        topology.pipe(lead);
        assertThat(topology.handoffs()).hasSize(1);

        topology.erased.pipeInput(lead.getLeadId(), io.leadloop.events.PersonErased.newBuilder().setEventId("e-1")
                .setOccurredAt(AFTERNOON).setErasureId("erasure-1").setPersonId("p-1")
                .setLeadIds(List.of(lead.getLeadId())).setRequestedAt(AFTERNOON).setRequestedBy("test").build());

        LeadHandedOff kept = topology.<LeadHandedOff>store(HandoffStores.HANDOFFS).get(lead.getLeadId());
        assertThat(kept.getLead().getEmail()).isNull();
        assertThat(kept.getLead().getFirstName()).isNull();
        assertThat(kept.getLead().getSource().getCampaignId()).isEqualTo(lead.getLead().getSource().getCampaignId());
        assertThat(kept.getOwnerRepId()).isEqualTo("rep-ana");
        assertThat(topology.<String>store(HandoffStores.REP_QUEUES).get("rep-ana|" + lead.getLeadId())).isNotNull();
    }

    @Test
    void skipsRepsOffWorkAndStartsTheSlaClockOnTheOwnersTeamCalendar() {
        start(MORNING);
        LeadScored warm = aScoredLead().mql().warm().build();
        LeadScored cold = aScoredLead().mql().cold().build();
        LeadScored hot = aScoredLead().mql().hot().build();

        topology.pipe(warm);
        topology.pipe(cold);
        topology.pipe(hot);

        List<LeadHandedOff> handoffs = topology.handoffs();
        // rep-bo (New York, 04:00) is not at work: round robin over rep-ana and rep-cy.
        assertThat(handoffs).extracting(LeadHandedOff::getOwnerRepId).containsExactly("rep-ana", "rep-cy", "rep-ana");
        assertThat(handoffs.getFirst().getRoutingReason())
                .isEqualTo("round robin: rep-ana was next of 2 eligible reps");
        assertThat(handoffs).extracting(LeadHandedOff::getSlaDueAt).containsExactly(
                // Berlin since 09:00 CET: 10:00 + 4h = 14:00 CET.
                Instant.parse("2026-03-02T13:00:00Z"),
                // UTC office hours: Monday, Tuesday, Wednesday 8h each.
                Instant.parse("2026-03-04T17:00:00Z"),
                Instant.parse("2026-03-02T09:15:00Z"));
    }

    @Test
    void remindsBreachesNotifiesTheManagerThenReassignsWithAFreshClock() {
        start(AFTERNOON);
        LeadScored lead = aScoredLead().mql().hot().build();
        topology.pipe(lead);
        assertThat(topology.handoffs()).singleElement()
                .satisfies(handoff -> assertThat(handoff.getOwnerRepId()).isEqualTo("rep-ana"));

        topology.advance(Duration.ofMinutes(11));
        assertThat(topology.reminders.isEmpty()).isTrue();
        topology.advance(Duration.ofSeconds(16));
        // 75% of 15 working minutes: 11:15.
        SlaReminderDue reminder = topology.reminders.readValue();
        assertThat(reminder.getOwnerRepId()).isEqualTo("rep-ana");
        assertThat(reminder.getSlaDueAt()).isEqualTo(AFTERNOON.plus(Duration.ofMinutes(15)));
        assertThat(reminder.getOccurredAt()).isBetween(AFTERNOON.plusSeconds(675), AFTERNOON.plusSeconds(677));
        assertThat(topology.breaches.isEmpty()).isTrue();

        topology.advance(Duration.ofMinutes(4));
        SlaBreached breach = topology.breaches.readValue();
        assertThat(breach.getOwnerRepId()).isEqualTo("rep-ana");
        assertThat(breach.getManagerId()).isEqualTo("mgr-eve");
        assertThat(breach.getOccurredAt()).isBetween(AFTERNOON.plusSeconds(900), AFTERNOON.plusSeconds(902));
        LeadEscalated notified = topology.escalations.readValue();
        assertThat(notified.getLevel()).isEqualTo(1);
        assertThat(notified.getAction()).isEqualTo(EscalationAction.NOTIFY_MANAGER);
        assertThat(notified.getManagerId()).isEqualTo("mgr-eve");
        assertThat(notified.getFromRepId()).isEqualTo("rep-ana");

        topology.advance(Duration.ofMinutes(30).plusSeconds(10), Duration.ofSeconds(10));
        LeadEscalated reassigned = topology.escalations.readValue();
        assertThat(reassigned.getLevel()).isEqualTo(2);
        assertThat(reassigned.getAction()).isEqualTo(EscalationAction.REASSIGN);
        assertThat(reassigned.getFromRepId()).isEqualTo("rep-ana");
        assertThat(reassigned.getToRepId()).isEqualTo("rep-bo");
        assertThat(reassigned.getReason()).startsWith("SLA missed by rep-ana; reassigned: round robin: rep-bo");
        assertThat(reassigned.getSlaDueAt()).isEqualTo(reassigned.getOccurredAt().plus(Duration.ofMinutes(15)));
        LeadState state = topology.<LeadState>store(HandoffStores.LEAD_STATES).get(lead.getLeadId());
        assertThat(state.ownerRepId()).isEqualTo("rep-bo");
        assertThat(state.previousOwners()).containsExactly("rep-ana");
        assertThat(state.sla()).isEqualTo(LeadState.SlaStatus.RUNNING);
        assertThat(queue("rep-ana")).isEmpty();
        assertThat(queue("rep-bo")).containsExactly(lead.getLeadId());

        // The new owner gets a reminder and, past the ladder's end, a breach without further escalation.
        topology.advance(Duration.ofMinutes(16), Duration.ofSeconds(10));
        assertThat(topology.reminders.readValue().getOwnerRepId()).isEqualTo("rep-bo");
        assertThat(topology.breaches.readValue().getOwnerRepId()).isEqualTo("rep-bo");
        topology.advance(Duration.ofHours(1), Duration.ofMinutes(1));
        assertThat(topology.escalations.isEmpty()).isTrue();

        // What an operator's dashboard sees of it.
        assertThat(topology.meters.counter("leadloop.handoff.leads.handed.off", "priority", "HOT").count()).isEqualTo(1);
        assertThat(topology.meters.counter("leadloop.handoff.sla.reminders", "priority", "HOT").count()).isEqualTo(2);
        assertThat(topology.meters.counter("leadloop.handoff.sla.breaches", "priority", "HOT").count()).isEqualTo(2);
        assertThat(topology.meters.counter("leadloop.handoff.escalations", "level", "1", "action", "NOTIFY_MANAGER")
                .count()).isEqualTo(1);
        assertThat(topology.meters.counter("leadloop.handoff.escalations", "level", "2", "action", "REASSIGN")
                .count()).isEqualTo(1);
    }

    @Test
    void theFirstTouchStopsTheClock() {
        start(AFTERNOON);
        LeadScored lead = aScoredLead().mql().hot().build();
        topology.pipe(lead);
        topology.advance(Duration.ofMinutes(5));

        topology.pipe(feedback(lead, SalesOutcome.CONTACTED, topology.now(), null));
        topology.advance(Duration.ofHours(2), Duration.ofMinutes(1));

        assertThat(topology.reminders.isEmpty()).isTrue();
        assertThat(topology.breaches.isEmpty()).isTrue();
        assertThat(topology.escalations.isEmpty()).isTrue();
        LeadState state = topology.<LeadState>store(HandoffStores.LEAD_STATES).get(lead.getLeadId());
        assertThat(state.sla()).isEqualTo(LeadState.SlaStatus.MET);
        var firstTouch = topology.meters.timer("leadloop.handoff.first.touch", "sla", "met");
        assertThat(firstTouch.count()).isEqualTo(1);
        assertThat(firstTouch.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isBetween(299.0, 301.0);
        assertThat(state.firstTouchAt()).isEqualTo(AFTERNOON.plus(Duration.ofMinutes(5)));
        assertThat(queue("rep-ana")).containsExactly(lead.getLeadId());
        KeyValueStore<String, String> timers = topology.store(HandoffStores.SLA_TIMERS);
        assertThat(timers.approximateNumEntries()).isZero();
    }

    @Test
    void aTouchAfterTheBreachIsRecordedAsLateAndEndsTheLadder() {
        start(AFTERNOON);
        LeadScored lead = aScoredLead().mql().hot().build();
        topology.pipe(lead);
        topology.advance(Duration.ofMinutes(16), Duration.ofSeconds(10));
        assertThat(topology.breaches.readValuesToList()).hasSize(1);

        topology.pipe(feedback(lead, SalesOutcome.ACCEPTED, topology.now(), null));
        topology.advance(Duration.ofHours(1), Duration.ofMinutes(1));

        assertThat(topology.escalations.readValuesToList()).extracting(LeadEscalated::getAction)
                .containsExactly(EscalationAction.NOTIFY_MANAGER);
        assertThat(topology.<LeadState>store(HandoffStores.LEAD_STATES).get(lead.getLeadId()).sla())
                .isEqualTo(LeadState.SlaStatus.MET_LATE);
    }

    @Test
    void recyclesARejectedLeadWithTheReasonAndHandsItOffAgainWhenItQualifiesAgain() {
        start(AFTERNOON);
        LeadScored lead = aScoredLead().mql().warm().build();
        topology.pipe(lead);
        topology.pipe(feedback(lead, SalesOutcome.REJECTED, topology.now(), "no-budget"));

        LeadRecycled recycled = topology.recycled.readValue();
        assertThat(recycled.getLeadId()).isEqualTo(lead.getLeadId());
        assertThat(recycled.getOwnerRepId()).isEqualTo("rep-ana");
        assertThat(recycled.getReason()).isEqualTo("no-budget");
        assertThat(recycled.getCampaignId()).isEqualTo(lead.getLead().getSource().getCampaignId());
        assertThat(recycled.getHandoffNumber()).isEqualTo(1);
        assertThat(queue("rep-ana")).isEmpty();

        LeadScored again = aScoredLead().withLeadId(lead.getLeadId()).mql().hot().build();
        topology.pipe(again);

        List<LeadHandedOff> handoffs = topology.handoffs();
        assertThat(handoffs).extracting(LeadHandedOff::getHandoffNumber).containsExactly(1, 2);
        assertThat(handoffs.get(1).getOwnerRepId()).isEqualTo("rep-bo");
        assertThat(queue("rep-bo")).containsExactly(lead.getLeadId());
    }

    @Test
    void doesNotHandOffALeadReScoredAsMqlWhileItIsOpen() {
        start(AFTERNOON);
        LeadScored first = aScoredLead().mql().warm().build();
        LeadScored rescored = aScoredLead().withLeadId(first.getLeadId()).mql().hot().build();

        topology.pipe(first);
        topology.pipe(rescored);

        assertThat(topology.handoffs()).singleElement()
                .satisfies(handoff -> assertThat(handoff.getPriority()).isEqualTo(Priority.WARM));
    }

    @Test
    void doesNotHandOffALeadThatIsNotAnMql() {
        start(AFTERNOON);
        LeadScored lead = aScoredLead().notQualified().build();

        topology.pipe(lead);

        assertThat(topology.handedOff.isEmpty()).isTrue();
        assertThat(topology.<LeadHandedOff>store(HandoffStores.HANDOFFS).get(lead.getLeadId())).isNull();
    }

    @Test
    void routesByTheRosterChangesOnTheRosterTopic() {
        start(AFTERNOON);
        Rep owner = new Rep("rep-cy", "Cy Okafor", "inbound-apac", "mgr-eve", 1, null, null, java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of(), java.util.Set.of("acme.io"), null, null);
        topology.pipe(RosterChanges.changed(owner, "e-1", AFTERNOON, "test"));
        topology.pipe(RosterChanges.removed("rep-bo", "e-2", AFTERNOON, "test"));

        topology.pipe(aScoredLead().mql().build());
        topology.pipe(aScoredLead().mql().fromCompany("other.io", "US", 250).build());
        topology.pipe(aScoredLead().mql().fromCompany("other.io", "US", 250).build());
        topology.pipe(aScoredLead().mql().fromCompany("other.io", "US", 250).build());

        List<LeadHandedOff> handoffs = topology.handoffs();
        assertThat(handoffs.getFirst().getRoutingRule()).isEqualTo("ACCOUNT_OWNER");
        assertThat(handoffs.getFirst().getRoutingReason()).isEqualTo("account owner: rep-cy owns acme.io");
        assertThat(handoffs).extracting(LeadHandedOff::getOwnerRepId)
                .containsExactly("rep-cy", "rep-ana", "rep-cy", "rep-ana");
    }

    @Test
    void skipsARepAtCapacityUntilALeadOfTheirsCloses() {
        start(AFTERNOON);
        Rep limited = new Rep("rep-ana", "Ana", "inbound-emea", "mgr-eve", 1, 1, null, java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), null, null);
        topology.pipe(RosterChanges.changed(limited, "e-1", AFTERNOON, "test"));
        LeadScored first = aScoredLead().mql().build();
        topology.pipe(first);
        for (int i = 0; i < 3; i++) {
            topology.pipe(aScoredLead().mql().build());
        }
        assertThat(topology.handoffs()).extracting(LeadHandedOff::getOwnerRepId)
                .containsExactly("rep-ana", "rep-bo", "rep-cy", "rep-bo");

        topology.pipe(feedback(first, SalesOutcome.WON, topology.now(), null));
        for (int i = 0; i < 4; i++) {
            topology.pipe(aScoredLead().mql().build());
        }

        // Free again, rep-ana is back in the rotation; smooth round robin earns credit only while eligible, so a
        // rep who was full is not flooded with catch-up leads.
        assertThat(topology.handoffs()).extracting(LeadHandedOff::getOwnerRepId)
                .containsExactly("rep-cy", "rep-bo", "rep-cy", "rep-ana");
    }

    /** The dead letter itself is asserted in HandoffServiceIT: TopologyTestDriver drops handler-produced records. */
    @Test
    void skipsAnUnreadableScoreAndHandsOffTheNextLead() {
        start(AFTERNOON);
        LeadScored next = aScoredLead().mql().build();

        topology.scoredRaw.pipeInput("lead-poison", "not confluent avro".getBytes(StandardCharsets.UTF_8));
        topology.pipe(next);

        assertThat(topology.handoffs()).extracting(LeadHandedOff::getLeadId).containsExactly(next.getLeadId());
    }

    private List<String> queue(String repId) {
        KeyValueStore<String, String> queues = topology.store(HandoffStores.REP_QUEUES);
        var leads = new java.util.ArrayList<String>();
        try (var range = queues.range(repId + "|", repId + "}")) {
            range.forEachRemaining(entry -> leads.add(entry.value));
        }
        return leads;
    }

    private static FeedbackRecorded feedback(LeadScored lead, SalesOutcome outcome, Instant at, String reason) {
        return FeedbackRecorded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setLeadId(lead.getLeadId()).setOutcome(outcome).setReason(reason).setRecordedVia("api").build();
    }

    private static Rep rep(String id, String team) {
        return new Rep(id, id, team, "mgr-eve", 1, null, null, java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of(), null, null);
    }

}
