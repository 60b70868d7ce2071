package io.leadloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * N connections, each sending its next request as soon as the previous answer arrived (HTTP/1.1 keep-alive): the
 * throughput a server sustains at that concurrency, with the latency each request saw.
 */
final class ClosedLoopLoad {

    /** What one run measured. */
    record Result(String scenario, int connections, double seconds, long requests, long itemsPerRequest,
            long failures, Histogram latencyMicros) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double itemsPerSecond() {
            return requests * itemsPerRequest / seconds;
        }
    }

    private ClosedLoopLoad() {
    }

    static Result run(String scenario, URI uri, int connections, Duration warmup, Duration measured,
            Supplier<String> bodies, long itemsPerRequest, int expectedStatus) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        var recorder = new Recorder(3);
        var ok = new LongAdder();
        var failed = new LongAdder();
        long warmupEnds = System.nanoTime() + warmup.toNanos();
        long measureEnds = warmupEnds + measured.toNanos();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                workers.submit(() -> {
                    while (System.nanoTime() < measureEnds) {
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get())).build();
                        long start = System.nanoTime();
                        boolean success;
                        try {
                            success = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == expectedStatus;
                        } catch (Exception e) {
                            success = false;
                        }
                        long end = System.nanoTime();
                        // Counted by when it completed: a request that started in the warm-up but ended inside
                        // the window did its work there. Requiring both ends inside made slow requests (a 500-lead
                        // batch under load takes seconds) vanish from the count.
                        if (end >= warmupEnds && end <= measureEnds) {
                            recorder.recordValue(Math.max(1, (end - start) / 1_000));
                            (success ? ok : failed).increment();
                        }
                    }
                    return null;
                });
            }
        }
        client.close();
        return new Result(scenario, connections, measured.toNanos() / 1e9, ok.sum(), itemsPerRequest, failed.sum(),
                recorder.getIntervalHistogram());
    }
}
