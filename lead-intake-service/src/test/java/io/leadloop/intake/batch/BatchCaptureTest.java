package io.leadloop.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.capture.CaptureResult;
import io.leadloop.intake.capture.Delivery;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.identity.KnownLeadsUnavailableException;
import io.leadloop.intake.lead.FieldProblem;
import io.leadloop.intake.lead.InvalidLeadException;
import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.publishing.LeadNotPublishedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BatchCaptureTest {

    /** Stands in for the real intake: records what it was asked, answers when the test says. */
    private final Map<String, CompletableFuture<CaptureResult>> inFlight = new LinkedHashMap<>();
    private final List<String> captured = new ArrayList<>();
    private final LeadIntake intake = new LeadIntake(null, null, null) {
        @Override
        public CompletableFuture<CaptureResult> capture(Delivery delivery) {
            String email = delivery.submission().email();
            captured.add(email);
            if (email.startsWith("invalid")) {
                throw new InvalidLeadException(List.of(new FieldProblem("/email", "is not a valid email address")));
            }
            if (email.startsWith("unready")) {
                throw new KnownLeadsUnavailableException("intake-people", new IllegalStateException("restoring"));
            }
            var answer = new CompletableFuture<CaptureResult>();
            inFlight.put(email + "#" + captured.size(), answer);
            return answer;
        }
    };
    private final BatchCapture batch = new BatchCapture(intake, new IntakeProperties("US", Duration.ofSeconds(5),
            new IntakeProperties.Topics(3, (short) 1), Map.of()), new SimpleMeterRegistry(),
            Runnable::run);

    @Test
    void capturesEveryItemAtOnceAndAnswersInTheRequestsOrder() {
        var results = batch.captureAll(List.of(item(0, "ana@acme.io"), item(1, "bo@acme.io"), item(2, "cy@acme.io")));

        assertThat(captured).containsExactly("ana@acme.io", "bo@acme.io", "cy@acme.io");
        var answers = new ArrayList<>(inFlight.values());
        answers.get(2).complete(new CaptureResult("lead-c", 1, false));
        answers.get(0).complete(new CaptureResult("lead-a", 1, false));
        answers.get(1).complete(new CaptureResult("lead-b", 2, false));

        assertThat(results.join()).extracting(ItemResult::index, ItemResult::leadId, ItemResult::touch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "lead-a", 1),
                        org.assertj.core.groups.Tuple.tuple(1, "lead-b", 2),
                        org.assertj.core.groups.Tuple.tuple(2, "lead-c", 1));
    }

    @Test
    void capturesTheSamePersonsItemsOneAfterTheOther() {
        var results = batch.captureAll(List.of(item(0, "ana@acme.io"), item(1, "bo@acme.io"), item(2, " ANA@acme.io")));

        assertThat(captured).containsExactly("ana@acme.io", "bo@acme.io");
        inFlight.get("ana@acme.io#1").complete(new CaptureResult("lead-a", 1, false));
        assertThat(captured).containsExactly("ana@acme.io", "bo@acme.io", " ANA@acme.io");
        inFlight.get("bo@acme.io#2").complete(new CaptureResult("lead-b", 1, false));
        inFlight.get(" ANA@acme.io#3").complete(new CaptureResult("lead-a", 2, false));

        assertThat(results.join()).extracting(ItemResult::status).containsExactly(202, 202, 202);
    }

    @Test
    void judgesEachItemOnItsOwn() {
        var results = batch.captureAll(List.of(item(0, "ana@acme.io"), item(1, "invalid@"), item(2, "unready@acme.io"),
                item(3, "down@acme.io"), new BatchItem.Unreadable(4, List.of(new FieldProblem("/4", "must be a JSON object")))));
        inFlight.get("ana@acme.io#1").complete(new CaptureResult("lead-a", 1, false));
        inFlight.get("down@acme.io#4").completeExceptionally(new LeadNotPublishedException("lead-d",
                new org.apache.kafka.common.errors.TimeoutException("no broker")));

        var items = results.join();

        assertThat(items.get(0)).isEqualTo(ItemResult.accepted(0, new CaptureResult("lead-a", 1, false)));
        assertThat(items.get(1).status()).isEqualTo(400);
        assertThat(items.get(1).errors()).containsExactly(new FieldProblem("/1/email", "is not a valid email address"));
        assertThat(items.get(2)).isEqualTo(ItemResult.unavailable(2, 5));
        assertThat(items.get(3)).isEqualTo(ItemResult.unavailable(3, 5));
        assertThat(items.get(4).errors()).extracting(FieldProblem::pointer).containsExactly("/4");
        assertThat(BatchResult.of(items)).satisfies(result -> {
            assertThat(result.accepted()).isEqualTo(1);
            assertThat(result.rejected()).isEqualTo(4);
            assertThat(result.retryable()).isEqualTo(2);
            assertThat(result.allUnavailable()).isFalse();
        });
    }

    private static BatchItem item(int index, String email) {
        var lead = new LeadSubmission(email, null, null, null, null, null, null, null, null, null, null, null, null);
        return new BatchItem.Readable(index, Delivery.viaApi(lead, null), SameLeadKeys.of(lead, null));
    }
}
