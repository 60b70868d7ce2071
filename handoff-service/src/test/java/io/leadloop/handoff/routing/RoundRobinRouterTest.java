package io.leadloop.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RoundRobinRouterTest {

    private final RoundRobinRouter router = new RoundRobinRouter(new RepRoster(List.of(
            new Rep("rep-ana", "Ana Lima", "inbound"),
            new Rep("rep-bo", "Bo Chen", "inbound"),
            new Rep("rep-cy", "Cy Okafor", "inbound"))));

    @Test
    void routesFirstLeadToFirstRepOfTheRoster() {
        assertThat(router.route(Optional.empty()).owner().id()).isEqualTo("rep-ana");
    }

    @Test
    void routesToTheRepAfterThePreviousOwner() {
        assertThat(router.route(Optional.of("rep-ana")).owner().id()).isEqualTo("rep-bo");
        assertThat(router.route(Optional.of("rep-bo")).owner().id()).isEqualTo("rep-cy");
    }

    @Test
    void wrapsAroundToTheFirstRepAfterTheLast() {
        assertThat(router.route(Optional.of("rep-cy")).owner().id()).isEqualTo("rep-ana");
    }

    @Test
    void restartsAtTheFirstRepWhenThePreviousOwnerLeftTheRoster() {
        RoutingDecision decision = router.route(Optional.of("rep-gone"));

        assertThat(decision.owner().id()).isEqualTo("rep-ana");
        assertThat(decision.reason()).contains("previous rep rep-gone left the roster");
    }

    @Test
    void explainsWhichRepWasNextOfHowManyEligibleReps() {
        assertThat(router.route(Optional.of("rep-ana")).reason())
                .isEqualTo("round robin: rep-bo was next of 3 eligible reps (after rep-ana)");
        assertThat(router.route(Optional.empty()).reason())
                .isEqualTo("round robin: rep-ana was next of 3 eligible reps (first assignment)");
    }

    @Test
    void spreadsLeadsEvenlyOverTheRosterWhenTheCursorIsKept() {
        Map<String, Integer> leadsPerRep = new HashMap<>();
        Optional<String> cursor = Optional.empty();
        for (int lead = 0; lead < 300; lead++) {
            String owner = router.route(cursor).owner().id();
            leadsPerRep.merge(owner, 1, Integer::sum);
            cursor = Optional.of(owner);
        }

        assertThat(leadsPerRep).containsOnly(Map.entry("rep-ana", 100), Map.entry("rep-bo", 100),
                Map.entry("rep-cy", 100));
    }

    @Test
    void keepsTheOrderWhenARepIsAddedToTheRoster() {
        var grown = new RoundRobinRouter(new RepRoster(List.of(
                new Rep("rep-ana", "Ana Lima", "inbound"),
                new Rep("rep-bo", "Bo Chen", "inbound"),
                new Rep("rep-cy", "Cy Okafor", "inbound"),
                new Rep("rep-di", "Di Novak", "inbound"))));

        assertThat(grown.route(Optional.of("rep-cy")).owner().id()).isEqualTo("rep-di");
    }

    @Test
    void rejectsAnEmptyRoster() {
        assertThatThrownBy(() -> new RepRoster(List.of())).hasMessageContaining("leadloop.handoff.reps");
    }

    @Test
    void rejectsARosterWithTheSameRepTwice() {
        assertThatThrownBy(() -> new RepRoster(List.of(new Rep("rep-ana", "Ana", "a"), new Rep("rep-ana", "Ana", "b"))))
                .hasMessageContaining("rep-ana appears twice");
    }

    @Test
    void rejectsARepWithoutId() {
        assertThatThrownBy(() -> new Rep(" ", "Nobody", "inbound")).isInstanceOf(IllegalArgumentException.class);
    }
}
