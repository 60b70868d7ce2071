package io.leadloop.intake.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.identity.KnownLeadsUnavailableException;
import io.leadloop.intake.lead.FieldProblem;
import io.leadloop.intake.lead.InvalidLeadException;
import io.leadloop.intake.publishing.LeadNotPublishedException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Captures every item of a batch through {@link LeadIntake} — all in flight at once, so they share the producer's
 * batches and one acknowledgement wait (what makes a batch fast) — except items that might be the same delivery or
 * person as an earlier item ({@link SameLeadKeys}), which wait for it. One item's failure never touches another's
 * result.
 */
@Component
class BatchCapture implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchCapture.class);

    private final LeadIntake intake;
    private final long retryAfterSeconds;
    private final MeterRegistry meters;
    /**
     * Where an item that waited on an earlier one is captured: not on the Kafka producer's I/O thread that completed
     * the earlier one (capturing sends to Kafka, which may block for metadata).
     */
    private final Executor followers;
    private final AutoCloseable closeFollowers;

    @Autowired
    BatchCapture(LeadIntake intake, IntakeProperties properties, MeterRegistry meters) {
        this(intake, properties, meters, Executors.newVirtualThreadPerTaskExecutor());
    }

    BatchCapture(LeadIntake intake, IntakeProperties properties, MeterRegistry meters, Executor followers) {
        this.intake = intake;
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
        this.meters = meters;
        this.followers = followers;
        this.closeFollowers = followers instanceof ExecutorService owned ? owned::close : () -> { };
    }

    /** Completes, never exceptionally, once every item has its result; results in the items' order. */
    CompletableFuture<List<ItemResult>> captureAll(List<BatchItem> items) {
        var results = new ArrayList<CompletableFuture<ItemResult>>(items.size());
        Map<String, CompletableFuture<ItemResult>> latestWithKey = new HashMap<>();
        for (BatchItem item : items) {
            CompletableFuture<ItemResult> result = switch (item) {
                case BatchItem.Unreadable unreadable -> {
                    meters.counter("leadloop.intake.leads.rejected", "reason", "invalid").increment();
                    yield CompletableFuture.completedFuture(ItemResult.invalid(unreadable.index(), unreadable.problems()));
                }
                case BatchItem.Readable readable -> {
                    var earlier = new LinkedHashSet<CompletableFuture<ItemResult>>();
                    readable.sameLeadKeys().forEach(key -> {
                        if (latestWithKey.containsKey(key)) {
                            earlier.add(latestWithKey.get(key));
                        }
                    });
                    CompletableFuture<ItemResult> captured = earlier.isEmpty() ? capture(readable)
                            : CompletableFuture.allOf(earlier.toArray(CompletableFuture[]::new))
                                    .thenComposeAsync(done -> capture(readable), followers);
                    readable.sameLeadKeys().forEach(key -> latestWithKey.put(key, captured));
                    yield captured;
                }
            };
            results.add(result);
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> results.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<ItemResult> capture(BatchItem.Readable item) {
        CompletableFuture<ItemResult> captured;
        try {
            captured = intake.capture(item.delivery()).thenApply(result -> {
                meters.counter("leadloop.intake.leads.accepted", "source", item.delivery().source(),
                        "repeat", Boolean.toString(result.repeat())).increment();
                return ItemResult.accepted(item.index(), result);
            });
        } catch (RuntimeException refusedAtOnce) {
            captured = CompletableFuture.failedFuture(refusedAtOnce);
        }
        return captured.exceptionally(failure -> refused(item.index(), unwrap(failure)));
    }

    private ItemResult refused(int index, Throwable failure) {
        return switch (failure) {
            case InvalidLeadException invalid -> {
                meters.counter("leadloop.intake.leads.rejected", "reason", "invalid").increment();
                yield ItemResult.invalid(index, invalid.problems().stream()
                        .map(p -> new FieldProblem("/" + index + p.pointer(), p.detail())).toList());
            }
            case LeadNotPublishedException e -> unavailable(index);
            case KnownLeadsUnavailableException e -> unavailable(index);
            default -> {
                log.error("Batch item {} failed unexpectedly", index, failure);
                meters.counter("leadloop.intake.leads.rejected", "reason", "error").increment();
                yield ItemResult.failed(index);
            }
        };
    }

    private ItemResult unavailable(int index) {
        meters.counter("leadloop.intake.leads.rejected", "reason", "kafka-unavailable").increment();
        return ItemResult.unavailable(index, retryAfterSeconds);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void destroy() throws Exception {
        closeFollowers.close();
    }
}
