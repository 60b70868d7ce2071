package io.leadloop.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class LeadRouterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final LeadRouter router = new LeadRouter();
    private final Map<String, Integer> open = new HashMap<>();
    private final Map<String, Integer> today = new HashMap<>();
    private Predicate<Rep> atWork = rep -> true;

    private final RepStatus status = new RepStatus() {
        @Override
        public boolean atWork(Rep rep) {
            return atWork.test(rep);
        }

        @Override
        public int openLeads(Rep rep) {
            return open.getOrDefault(rep.id(), 0);
        }

        @Override
        public int assignedToday(Rep rep) {
            return today.getOrDefault(rep.id(), 0);
        }
    };

    @Test
    void routesToTheAccountOwnerWhenTheDomainMatches() {
        var roster = roster(rep("rep-ana"), rep("rep-bo").accounts("acme.io"));

        RoutingDecision decision = route(lead("acme.io", "US", 250), roster);

        assertThat(decision.owner().id()).isEqualTo("rep-bo");
        assertThat(decision.rule()).isEqualTo(RoutingDecision.ACCOUNT_OWNER);
        assertThat(decision.reason()).isEqualTo("account owner: rep-bo owns acme.io");
    }

    @Test
    void passesOverAnAccountOwnerWhoIsOutOfOfficeAndSaysWhy() {
        var roster = roster(rep("rep-ana"), rep("rep-bo").accounts("acme.io").away(NOW.minusSeconds(60),
                Instant.parse("2026-03-09T00:00:00Z")));

        RoutingDecision decision = route(lead("acme.io", "US", 250), roster);

        assertThat(decision.owner().id()).isEqualTo("rep-ana");
        assertThat(decision.trace().getFirst())
                .isEqualTo("account owner: rep-bo owns acme.io but is out of office until 2026-03-09T00:00:00Z");
    }

    @Test
    void routesByTerritorySegmentAndSkillsInOrderExplainingEach() {
        var roster = roster(rep("rep-us").territories("US"), rep("rep-de-smb").territories("DE").segments(Segment.SMB),
                rep("rep-de-mid").territories("DE").segments(Segment.MID),
                rep("rep-de-mid-fr").territories("DE").segments(Segment.MID).skills("language:fr"));

        RoutingDecision decision = route(new LeadProfile("x.de", "DE", null, 250, Set.of("language:fr")), roster);

        assertThat(decision.owner().id()).isEqualTo("rep-de-mid-fr");
        assertThat(decision.trace()).containsExactly(
                "account owner: no rep owns x.de",
                "territory DE: rep-de-smb, rep-de-mid, rep-de-mid-fr",
                "segment MID: rep-de-mid, rep-de-mid-fr",
                "skills language:fr: rep-de-mid-fr",
                "round robin: rep-de-mid-fr was next of 1 eligible reps (territory DE, segment MID, skills language:fr)");
    }

    @Test
    void matchesARegionalTerritory() {
        var roster = roster(rep("rep-ca").territories("US-CA"), rep("rep-ny").territories("US-NY"));

        assertThat(route(new LeadProfile(null, "US", "ca", null, Set.of()), roster).owner().id()).isEqualTo("rep-ca");
    }

    @Test
    void doesNotApplyARuleThatWouldLeaveNobodyAvailable() {
        var roster = roster(rep("rep-ana").territories("US"), rep("rep-de").territories("DE").capacity(1));
        open.put("rep-de", 1);

        RoutingDecision decision = route(lead(null, "DE", null), roster);

        assertThat(decision.owner().id()).isEqualTo("rep-ana");
        assertThat(decision.trace())
                .contains("territory DE: not applied, no available rep covers it (rep-de away or full)");
    }

    @Test
    void skipsRepsAtCapacityAtTheirDailyCapOrOffWork() {
        var roster = roster(rep("rep-full").capacity(2), rep("rep-capped").dailyCap(5), rep("rep-asleep"),
                rep("rep-free"));
        open.put("rep-full", 2);
        today.put("rep-capped", 5);
        atWork = rep -> !rep.id().equals("rep-asleep");

        RoutingDecision decision = route(LeadProfile.anonymous(), roster);

        assertThat(decision.owner().id()).isEqualTo("rep-free");
        assertThat(decision.reason()).isEqualTo("round robin: rep-free was next of 1 eligible reps");
    }

    @Test
    void routesToRepsOffWorkWhenNobodyIsAtWork() {
        var roster = roster(rep("rep-ana"), rep("rep-bo").away(NOW.minusSeconds(1), null));
        atWork = rep -> false;

        RoutingDecision decision = route(LeadProfile.anonymous(), roster);

        assertThat(decision.owner().id()).isEqualTo("rep-ana");
        assertThat(decision.reason())
                .endsWith("nobody eligible is at work now, the SLA clock starts at rep-ana's opening");
    }

    @Test
    void overflowsToTheWholeRosterWhenEveryoneIsAwayOrFull() {
        var roster = roster(rep("rep-ana").capacity(0), rep("rep-bo").away(NOW.minusSeconds(1), null));

        RoutingDecision decision = route(LeadProfile.anonymous(), roster);

        assertThat(decision.rule()).isEqualTo(RoutingDecision.OVERFLOW);
        assertThat(decision.reason()).startsWith("overflow: every rep is away or full");
    }

    @Test
    void splitsByWeightSmoothly() {
        var roster = roster(rep("rep-ana").weight(2), rep("rep-bo"));
        Map<String, Long> credits = Map.of();
        var owners = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            RoutingDecision decision = router.route(LeadProfile.anonymous(), roster, status, credits, NOW, Set.of());
            credits = decision.credits();
            owners.append(decision.owner().id().charAt(4));
        }

        assertThat(owners).hasToString("abaaba");
    }

    @Test
    void neverRoutesToAnExcludedRep() {
        var roster = roster(rep("rep-ana").accounts("acme.io"), rep("rep-bo"));

        RoutingDecision decision = router.route(lead("acme.io", null, null), roster, status, Map.of(), NOW,
                Set.of("rep-ana"));

        assertThat(decision.owner().id()).isEqualTo("rep-bo");
        assertThatThrownBy(() -> router.route(LeadProfile.anonymous(), roster, status, Map.of(), NOW,
                Set.of("rep-ana", "rep-bo"))).isInstanceOf(IllegalStateException.class);
    }

    private RoutingDecision route(LeadProfile lead, RepRoster roster) {
        return router.route(lead, roster, status, Map.of(), NOW, Set.of());
    }

    private static LeadProfile lead(String domain, String country, Integer employees) {
        return new LeadProfile(domain, country, null, employees, Set.of());
    }

    private static RepRoster roster(RepBuilder... reps) {
        return new RepRoster(List.of(reps).stream().map(RepBuilder::build).toList());
    }

    private static RepBuilder rep(String id) {
        return new RepBuilder(id);
    }

    /** Test data: {@code rep("rep-ana").territories("DE").capacity(5)}. */
    private static final class RepBuilder {
        private final String id;
        private int weight = 1;
        private Integer capacity;
        private Integer dailyCap;
        private Set<String> territories = Set.of();
        private Set<Segment> segments = Set.of();
        private Set<String> skills = Set.of();
        private Set<String> accounts = Set.of();
        private Instant awayFrom;
        private Instant awayUntil;

        RepBuilder(String id) {
            this.id = id;
        }

        RepBuilder weight(int weight) {
            this.weight = weight;
            return this;
        }

        RepBuilder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        RepBuilder dailyCap(int cap) {
            this.dailyCap = cap;
            return this;
        }

        RepBuilder territories(String... territories) {
            this.territories = Set.of(territories);
            return this;
        }

        RepBuilder segments(Segment... segments) {
            this.segments = Set.of(segments);
            return this;
        }

        RepBuilder skills(String... skills) {
            this.skills = Set.of(skills);
            return this;
        }

        RepBuilder accounts(String... domains) {
            this.accounts = Set.of(domains);
            return this;
        }

        RepBuilder away(Instant from, Instant until) {
            this.awayFrom = from;
            this.awayUntil = until;
            return this;
        }

        Rep build() {
            return new Rep(id, id, "inbound", "mgr", weight, capacity, dailyCap, territories, segments, skills,
                    accounts, awayFrom, awayUntil);
        }
    }
}
