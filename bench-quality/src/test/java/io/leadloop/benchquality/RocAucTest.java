package io.leadloop.benchquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void isOneWhenEveryPositiveOutranksEveryNegative() {
        assertThat(RocAuc.of(List.of(scored(0.9, true), scored(0.8, true), scored(0.3, false), scored(0.1, false))))
                .isEqualTo(1.0);
    }

    @Test
    void isZeroWhenTheRankingIsExactlyBackwards() {
        assertThat(RocAuc.of(List.of(scored(0.1, true), scored(0.9, false)))).isEqualTo(0.0);
    }

    @Test
    void countsTiesAsHalf() {
        assertThat(RocAuc.of(List.of(scored(0.5, true), scored(0.5, false)))).isEqualTo(0.5);
    }

    @Test
    void matchesThePairwiseDefinition() {
        // Pairs (positive, negative): (0.8,0.6) (0.8,0.2) (0.4,0.6) (0.4,0.2) (0.6t,0.6) (0.6t,0.2) → 1+1+0+1+0.5+1 = 4.5 of 6.
        assertThat(RocAuc.of(List.of(scored(0.8, true), scored(0.4, true), scored(0.6, true), scored(0.6, false),
                scored(0.2, false)))).isCloseTo(0.75, offset(1e-12));
    }

    @Test
    void isUndefinedWithoutBothClasses() {
        assertThat(RocAuc.of(List.of(scored(0.3, true), scored(0.4, true)))).isNaN();
    }

    @Test
    void readsQuotedCsvFieldsWithCommasQuotesAndNewlines() {
        assertThat(Csv.parse("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n"))
                .containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\"\nthere"));
    }

    private static RocAuc.Scored scored(double score, boolean positive) {
        return new RocAuc.Scored(score, positive);
    }
}
