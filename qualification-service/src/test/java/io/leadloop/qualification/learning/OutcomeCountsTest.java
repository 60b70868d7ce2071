package io.leadloop.qualification.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeCountsTest {

    @Test
    void countsEachReportedOutcomeSeparately() {
        OutcomeCounts counts = OutcomeCounts.none().plus("WON").plus("ACCEPTED").plus("WON");

        assertThat(counts.of("WON")).isEqualTo(2);
        assertThat(counts.of("ACCEPTED")).isEqualTo(1);
        assertThat(counts.of("LOST")).isZero();
    }

    @Test
    void neverChangesCountsAlreadyHandedOut() {
        OutcomeCounts before = OutcomeCounts.none().plus("WON");

        before.plus("WON");

        assertThat(before.of("WON")).isEqualTo(1);
    }

    @Test
    void listsOutcomesInNameOrder() {
        OutcomeCounts counts = OutcomeCounts.none().plus("WON").plus("ACCEPTED").plus("LOST");

        assertThat(counts.counts().keySet()).containsExactly("ACCEPTED", "LOST", "WON");
    }

    @Test
    void countsLeadsWithoutACampaignUnderNone() {
        assertThat(CampaignIds.orNone(null)).isEqualTo("(none)");
        assertThat(CampaignIds.orNone("  ")).isEqualTo("(none)");
        assertThat(CampaignIds.orNone("spring-launch")).isEqualTo("spring-launch");
    }
}
