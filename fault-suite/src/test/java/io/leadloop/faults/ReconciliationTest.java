package io.leadloop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.faults.OutputTail.Seen;

class ReconciliationTest {

    private final OutputTail tail = new OutputTail("127.0.0.1:1", "mock://reconciliation");
    private long offset;

    @Test
    void countsAnMqlWithOneCaptureScoreAndHandoffAsComplete() {
        capturedScoredHandedOff("lead-1", "MQL");

        Reconciliation result = Reconciliation.of(Map.of("lead-1", 0L), Map.of(), tail, 0, 0);

        assertThat(result.lost()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(result.handedOff()).isEqualTo(1);
    }

    @Test
    void countsAnMqlNeverHandedOffAsLost() {
        seen(OutputTail.CAPTURED, "lead-1", "c1", null);
        seen(OutputTail.SCORED, "lead-1", "s1", "MQL");

        Reconciliation result = Reconciliation.of(Map.of("lead-1", 0L), Map.of(), tail, 0, 0);

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.examples()).singleElement().asString().contains("no handed off");
        assertThat(result.recoverySeconds()).isEmpty();
    }

    @Test
    void expectsNoHandoffForALeadThatDidNotQualify() {
        seen(OutputTail.CAPTURED, "lead-1", "c1", null);
        seen(OutputTail.SCORED, "lead-1", "s1", "DISQUALIFIED");

        assertThat(Reconciliation.of(Map.of("lead-1", 0L), Map.of(), tail, 0, 0).lost()).isZero();

        seen(OutputTail.HANDED_OFF, "lead-1", "h1", null);
        assertThat(Reconciliation.of(Map.of("lead-1", 0L), Map.of(), tail, 0, 0).duplicated()).isEqualTo(1);
    }

    @Test
    void countsTheSameEventCommittedTwiceAsADuplicate() {
        capturedScoredHandedOff("lead-1", "MQL");
        seen(OutputTail.SCORED, "lead-1", "s-lead-1", "MQL");

        Reconciliation result = Reconciliation.of(Map.of("lead-1", 0L), Map.of(), tail, 0, 0);

        assertThat(result.duplicated()).isEqualTo(1);
        assertThat(result.examples()).singleElement().asString().contains("2× scored with definition builtin");
    }

    @Test
    void allowsOneScorePerDefinitionVersion() {
        capturedScoredHandedOff("lead-1", "MQL");
        tail.add(new Seen(OutputTail.SCORED, "lead-1", "s2", "MQL", "v2", 0, 0, offset++));

        assertThat(Reconciliation.of(Map.of("lead-1", 0L), Map.of(), tail, 0, 0).duplicated()).isZero();
    }

    @Test
    void findsAcceptedFeedbackByItsEventId() {
        capturedScoredHandedOff("lead-1", "MQL");
        seen(OutputTail.FEEDBACK, "lead-1", "f1", null);

        Reconciliation result = Reconciliation.of(Map.of("lead-1", 0L), Map.of("f1", "lead-1", "f2", "lead-1"),
                tail, 0, 0);

        assertThat(result.feedbackRecorded()).isEqualTo(1);
        assertThat(result.lost()).isEqualTo(1);
    }

    private void capturedScoredHandedOff(String leadId, String stage) {
        seen(OutputTail.CAPTURED, leadId, "c-" + leadId, null);
        seen(OutputTail.SCORED, leadId, "s-" + leadId, stage);
        seen(OutputTail.HANDED_OFF, leadId, "h-" + leadId, null);
    }

    private void seen(String topic, String leadId, String eventId, String stage) {
        tail.add(new Seen(topic, leadId, eventId, stage, stage == null ? null : "builtin", 0, 0, offset++));
    }
}
