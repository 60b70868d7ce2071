package io.leadloop.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steady load of one scenario: a few senders posting new leads to intake at a paced rate, and a feedback
 * sender reporting {@code ACCEPTED} for every lead of the scenario once it was handed off, as a rep would.
 *
 * <p>It keeps exactly what the reconciliation needs: which leads got a {@code 202} (and when), which feedback got
 * a {@code 202} (with its event id), and every answer that is neither a success nor an honest refusal. Nothing is
 * retried after an ambiguous failure (timeout, reset connection): a lead or feedback that never got a {@code 2xx}
 * is not promised, and retrying it would blur the duplicate count with the sender's own retries.
 */
final class LeadLoad implements AutoCloseable {

    /** Across scenarios of one run: every lead is a new person (email and phone), never a second touch. */
    private static final AtomicLong PERSON = new AtomicLong();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FEEDBACK_ATTEMPTS = 40;
    private static final int FEEDBACK_CONCURRENCY = 4;

    private final List<String> intakeUrls;
    private final List<String> feedbackUrls;
    private final AtomicLong turn = new AtomicLong();
    private final String campaign;
    private final OutputTail tail;
    private final int senders;
    private final Duration pacing;
    private final Options options;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean sendingLeads = new AtomicBoolean(true);
    private final LongAdder sent = new LongAdder();
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final Queue unexpected = new Queue();
    private final LongAdder feedbackSent = new LongAdder();
    private final Map<String, String> feedbackAccepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> feedbackStatuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> feedbackAttempts = new ConcurrentHashMap<>();
    private final Set<String> feedbackDone = ConcurrentHashMap.newKeySet();
    private final LongAdder repeatsChecked = new LongAdder();
    private ExecutorService workers;

    /**
     * @param repeatDeliveries every how many accepted leads to deliver the same lead again (0: never): once more
     *                         after the answer, and twice at the same instant with one {@code Idempotency-Key}
     */
    record Options(int repeatDeliveries) {
        static final Options STEADY = new Options(0);
    }

    /**
     * @param intakeUrls   one per intake instance: requests go round robin, and to the next instance when one
     *                     refuses the connection (nothing was received, so that is no retry), as a load balancer does
     * @param feedbackUrls the same for feedback-service
     */
    LeadLoad(List<String> intakeUrls, List<String> feedbackUrls, String campaign, OutputTail tail, int senders,
             Duration pacing, Options options) {
        this.intakeUrls = List.copyOf(intakeUrls);
        this.feedbackUrls = List.copyOf(feedbackUrls);
        this.campaign = campaign;
        this.tail = tail;
        this.senders = senders;
        this.pacing = pacing;
        this.options = options;
    }

    LeadLoad start() {
        workers = Executors.newVirtualThreadPerTaskExecutor();
        for (int s = 0; s < senders; s++) {
            workers.submit(this::sendLeads);
        }
        workers.submit(this::sendFeedback);
        return this;
    }

    private Void sendLeads() throws InterruptedException {
        while (sendingLeads.get()) {
            long n = PERSON.incrementAndGet();
            String body = LeadBodies.lead(campaign, n);
            String leadId = post(body, null);
            if (leadId != null && options.repeatDeliveries() > 0 && n % options.repeatDeliveries() == 0) {
                deliverAgain(body, leadId);
            }
            Thread.sleep(pacing);
        }
        return null;
    }

    /** Posts a new lead; returns its id when intake accepted it (and counts every answer). */
    private String post(String body, String idempotencyKey) {
        sent.increment();
        try {
            HttpResponse<String> response = postLead(body, idempotencyKey);
            count(statuses, Integer.toString(response.statusCode()));
            if (response.statusCode() == 202) {
                String leadId = JSON.readTree(response.body()).path("leadId").asString();
                accepted.putIfAbsent(leadId, System.nanoTime());
                return leadId;
            }
            if (response.statusCode() != 503 || response.headers().firstValue("Retry-After").isEmpty()) {
                unexpected.add("intake answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
        } catch (java.io.IOException e) {
            count(statuses, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            unexpected.add("intake answer unreadable: " + e);
        }
        return null;
    }

    /**
     * The same lead again, the way senders really repeat themselves: a retry after the answer, then a pair of
     * simultaneous deliveries carrying one {@code Idempotency-Key}. Every answer must name the same lead.
     */
    private void deliverAgain(String body, String leadId) {
        JsonNode again = repeat(body, null);
        if (again != null && (!leadId.equals(again.path("leadId").asString()) || !again.path("repeat").asBoolean())) {
            unexpected.add("a repeated delivery of lead " + leadId + " was answered " + again);
        }
        String key = "fault-suite-" + UUID.randomUUID();
        String twin = LeadBodies.lead(campaign, PERSON.incrementAndGet());
        var first = workers.submit(() -> repeat(twin, key));
        JsonNode second = repeat(twin, key);
        try {
            JsonNode firstAnswer = first.get(60, TimeUnit.SECONDS);
            if (firstAnswer != null && second != null
                    && !firstAnswer.path("leadId").asString().equals(second.path("leadId").asString())) {
                unexpected.add("two deliveries with Idempotency-Key " + key + " became two leads: " + firstAnswer
                        + " / " + second);
            }
        } catch (Exception e) {
            unexpected.add("simultaneous delivery failed: " + e);
        }
        repeatsChecked.add(3);
    }

    private JsonNode repeat(String body, String idempotencyKey) {
        sent.increment();
        try {
            HttpResponse<String> response = postLead(body, idempotencyKey);
            count(statuses, Integer.toString(response.statusCode()));
            if (response.statusCode() / 100 == 2) {
                JsonNode answer = JSON.readTree(response.body());
                accepted.putIfAbsent(answer.path("leadId").asString(), System.nanoTime());
                return answer;
            }
            if (response.statusCode() != 503) {
                unexpected.add("repeated delivery answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
        } catch (java.io.IOException e) {
            count(statuses, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private HttpResponse<String> postLead(String body, String idempotencyKey)
            throws java.io.IOException, InterruptedException {
        return send(intakeUrls, statuses, base -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return request;
        });
    }

    /** Round robin over the instances; a refused connection (counted) moves on to the next one. */
    private HttpResponse<String> send(List<String> bases, Map<String, AtomicLong> counts,
            java.util.function.Function<String, HttpRequest.Builder> request)
            throws java.io.IOException, InterruptedException {
        int first = (int) (turn.getAndIncrement() % bases.size());
        for (int i = 0; ; i++) {
            String base = bases.get((first + i) % bases.size());
            try {
                return client.send(request.apply(base).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                if (i == bases.size() - 1) {
                    throw e;
                }
                count(counts, "ConnectException, sent to the next instance");
            }
        }
    }

    /**
     * Reports ACCEPTED once for every handed-off lead of this scenario, a few at a time, until {@link #stop()}:
     * it goes on after {@link #stopLeads()} so that leads handed off late (after a fault) get their feedback too.
     */
    private Void sendFeedback() throws InterruptedException {
        var permits = new java.util.concurrent.Semaphore(FEEDBACK_CONCURRENCY);
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        while (running.get()) {
            for (String leadId : accepted.keySet()) {
                if (!running.get()) {
                    break;
                }
                if (feedbackDone.contains(leadId) || inFlight.contains(leadId) || !tail.handedOff(leadId)) {
                    continue;
                }
                permits.acquire();
                inFlight.add(leadId);
                workers.submit(() -> {
                    try {
                        postFeedback(leadId);
                    } finally {
                        inFlight.remove(leadId);
                        permits.release();
                    }
                });
            }
            Thread.sleep(Duration.ofMillis(300));
        }
        return null;
    }

    /** Handed-off leads of this scenario whose feedback has not been answered for good yet. */
    long feedbackPending() {
        return accepted.keySet().stream().filter(tail::handedOff).filter(id -> !feedbackDone.contains(id)).count();
    }

    private void postFeedback(String leadId) {
        int attempt = feedbackAttempts.merge(leadId, 1, Integer::sum);
        if (attempt == 1) {
            feedbackSent.increment();
        }
        try {
            HttpResponse<String> response = send(feedbackUrls, feedbackStatuses, base -> HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/leads/" + leadId + "/feedback"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"outcome\": \"ACCEPTED\", \"repId\": \"rep-fault-suite\"}")));
            count(feedbackStatuses, Integer.toString(response.statusCode()));
            if (response.statusCode() == 202) {
                feedbackAccepted.put(JSON.readTree(response.body()).path("eventId").asString(), leadId);
                feedbackDone.add(leadId);
            } else if (response.statusCode() == 404 || response.statusCode() == 503) {
                // Definitely not recorded (the lead not seen yet, Kafka or Streams not ready): a rep would retry.
                if (attempt >= FEEDBACK_ATTEMPTS) {
                    feedbackDone.add(leadId);
                }
            } else {
                unexpected.add("feedback answered " + response.statusCode() + ": " + abbreviate(response.body()));
                feedbackDone.add(leadId);
            }
        } catch (java.io.IOException e) {
            // Connection refused means nothing was recorded; anything else may or may not have been.
            count(feedbackStatuses, e.getClass().getSimpleName());
            if (!(e instanceof java.net.ConnectException) || attempt >= FEEDBACK_ATTEMPTS) {
                feedbackDone.add(leadId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No new leads from here on; feedback for the leads already accepted goes on until {@link #stop()}. */
    void stopLeads() {
        sendingLeads.set(false);
    }

    void stop() {
        sendingLeads.set(false);
        running.set(false);
        workers.shutdown();
        try {
            workers.awaitTermination(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        client.close();
    }

    long sent() {
        return sent.sum();
    }

    /** leadId → when its 202 arrived (System.nanoTime). */
    Map<String, Long> accepted() {
        return Map.copyOf(accepted);
    }

    long acceptedSince(long nanos) {
        return accepted.values().stream().filter(t -> t >= nanos).count();
    }

    /** Feedback event id → leadId, for every feedback that got a 202. */
    Map<String, String> feedbackAccepted() {
        return Map.copyOf(feedbackAccepted);
    }

    long feedbackSent() {
        return feedbackSent.sum();
    }

    long repeatsChecked() {
        return repeatsChecked.sum();
    }

    Map<String, Long> statuses() {
        return snapshot(statuses);
    }

    Map<String, Long> feedbackStatuses() {
        return snapshot(feedbackStatuses);
    }

    long status(String status) {
        AtomicLong count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    List<String> unexpected() {
        return unexpected.items();
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private static void count(Map<String, AtomicLong> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** Keeps the first 50 surprises: enough to diagnose, bounded if a fault makes every answer wrong. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();
        private final AtomicLong size = new AtomicLong();

        void add(String item) {
            if (size.incrementAndGet() <= 50) {
                items.add(item);
            }
        }

        List<String> items() {
            return List.copyOf(items);
        }
    }
}
