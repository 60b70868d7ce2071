package io.leadloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.HdrHistogram.Recorder;

/**
 * A fixed arrival rate, whatever the server does (open loop): request i is due at {@code start + i / rate}, and its
 * latency counts from when it was due, not from when it was sent, so a stalled server cannot hide its stall by
 * slowing the generator down (coordinated omission). The figure for "p99 at 1,000 leads/s".
 */
final class OpenLoopLoad {

    static final int MAX_OUTSTANDING = 512;

    private OpenLoopLoad() {
    }

    static ClosedLoopLoad.Result run(String scenario, URI uri, double perSecond, Duration warmup, Duration measured,
            Supplier<String> bodies, int expectedStatus) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
        var recorder = new Recorder(3);
        var ok = new LongAdder();
        var failed = new LongAdder();
        var inFlight = new Phaser(1);
        // A server that cannot keep up would otherwise pile up thousands of connections in the generator itself,
        // which shares the cores: past this many outstanding requests a due request is counted as failed, unsent.
        var outstanding = new java.util.concurrent.Semaphore(MAX_OUTSTANDING);
        long start = System.nanoTime();
        long warmupEnds = start + warmup.toNanos();
        long measureEnds = warmupEnds + measured.toNanos();
        double periodNanos = 1e9 / perSecond;
        for (long i = 0; ; i++) {
            long due = start + (long) (i * periodNanos);
            if (due >= measureEnds) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // Pacing the generator: the one place a timed pause is the point.
                LockSupport.parkNanos(wait);
            }
            boolean counted = due >= warmupEnds;
            if (!outstanding.tryAcquire()) {
                if (counted) {
                    failed.increment();
                }
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get())).build();
            inFlight.register();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (counted) {
                    recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1_000));
                    boolean success = failure == null && response.statusCode() == expectedStatus;
                    (success ? ok : failed).increment();
                }
                outstanding.release();
                inFlight.arriveAndDeregister();
            });
        }
        inFlight.arriveAndAwaitAdvance();
        client.close();
        executor.close();
        return new ClosedLoopLoad.Result(scenario, 0, measured.toNanos() / 1e9, ok.sum(), 1, failed.sum(),
                recorder.getIntervalHistogram());
    }
}
