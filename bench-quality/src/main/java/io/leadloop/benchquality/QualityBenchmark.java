package io.leadloop.benchquality;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.leadloop.localstack.LocalStack;
import io.leadloop.localstack.Part;
import io.leadloop.localstack.StackConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a real lead data set through the real services and reports how well qualification's learned
 * probabilities rank the leads: each row through intake ({@code POST /api/v1/leads}) in order, its outcome through
 * feedback ({@code POST /api/v1/leads/{leadId}/feedback}) {@code delay} to 2 x {@code delay} leads later, and for every lead the
 * probability of "won" it got <em>when it was scored</em>, read from {@code leads.scored.v1}. The ROC AUC over the
 * last 30% of rows is printed for the active and the shadow learner and written to {@code bench-quality/results/}.
 *
 * <p>Each data set runs on a fresh stack of its own (broker, registry, intake, qualification, feedback on free
 * ports, state in a temporary directory), so one data set's model never scores the other's leads.
 *
 * <p>Usage (from the repository root): {@code mvn -q -pl bench-quality -am package -DskipTests} then
 * {@code java -jar bench-quality/target/bench-quality.jar}; options as system properties: {@code -Ddatasets=x-education,olist}
 * {@code -Ddelay=20} (outcome fed back this many leads after the lead), {@code -Dlimit=0} (rows per data set, 0 = all),
 * {@code -Ddata=../shared/data}, {@code -Droot=.} (the repository root).
 */
public final class QualityBenchmark {

    static final double EVALUATED_SHARE = 0.3;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private QualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("data", root.resolve("../shared/data").toString())).toAbsolutePath().normalize();
        int delay = Integer.getInteger("delay", 20);
        int limit = Integer.getInteger("limit", 0);
        List<String> datasets = List.of(System.getProperty("datasets", "x-education,olist").split(","));

        List<String> sections = new ArrayList<>();
        for (String dataset : datasets) {
            Path dir = data.resolve(dataset.strip());
            List<ReplayLead> leads;
            switch (dataset.strip()) {
                case "x-education" -> {
                    if (!Datasets.available(dir, "Leads.csv")) {
                        System.out.println("Skipping x-education: " + dir.resolve("Leads.csv") + " not found");
                        continue;
                    }
                    leads = Datasets.xEducation(dir);
                }
                case "olist" -> {
                    if (!Datasets.available(dir, "olist_marketing_qualified_leads_dataset.csv", "olist_closed_deals_dataset.csv")) {
                        System.out.println("Skipping olist: the two olist CSV files are not in " + dir);
                        continue;
                    }
                    leads = Datasets.olist(dir);
                }
                default -> throw new IllegalArgumentException("Unknown data set " + dataset + " (x-education, olist)");
            }
            if (limit > 0 && leads.size() > limit) {
                leads = leads.subList(0, limit);
            }
            sections.add(run(root, dataset.strip(), leads, delay));
        }
        if (sections.isEmpty()) {
            System.out.println("No data set found under " + data + "; nothing measured.");
            return;
        }
        write(String.join("\n", sections), delay);
    }

    private static String run(Path root, String dataset, List<ReplayLead> leads, int delay) throws Exception {
        Path home = Files.createTempDirectory("leadloop-bench-quality-");
        System.out.printf("%s: %d leads, outcome fed back %d leads later; starting a stack in %s ...%n", dataset,
                leads.size(), delay, home);
        StackConfig config = StackConfig.onFreePorts(root, home)
                .withParts(Part.KAFKA, Part.REGISTRY, Part.INTAKE, Part.QUALIFICATION, Part.FEEDBACK);
        try (LocalStack stack = startWithRetries(config);
             ScoredLeads scored = new ScoredLeads(stack.bootstrapServers(), stack.schemaRegistryUrl())) {
            // Ctrl-C must not leave a broker, a registry and three services behind.
            Thread stopOnExit = new Thread(stack::stop, "bench-quality-stop-stack");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            String intake = stack.serviceUrl(Part.INTAKE);
            String feedback = stack.serviceUrl(Part.FEEDBACK);
            List<String> leadIds = new ArrayList<>();
            Instant start = Instant.now();
            // Leads go in order, in batches of `delay`; while batch k+1 is in, the outcomes of batch k are sent
            // (concurrently: their order does not matter). So an outcome arrives delay to 2 x delay leads after
            // its lead, which was scored with what had been learned before it.
            int chunk = Math.max(1, Math.min(delay, 500));
            List<ReplayLead> previous = List.of();
            List<String> previousIds = List.of();
            for (int from = 0; from < leads.size() || !previous.isEmpty(); from += chunk) {
                List<ReplayLead> batch = leads.subList(Math.min(from, leads.size()), Math.min(from + chunk, leads.size()));
                List<String> ids = batch.isEmpty() ? List.of() : postLeads(intake, batch);
                leadIds.addAll(ids);
                postOutcomes(feedback, previousIds, previous);
                previous = batch;
                previousIds = ids;
                if (from / chunk % Math.max(1, 1000 / chunk) == 0 && from > 0) {
                    System.out.printf("  %d leads sent (%.0f s)%n", Math.min(from + chunk, leads.size()),
                            Duration.between(start, Instant.now()).toMillis() / 1000.0);
                }
            }
            Duration replay = Duration.between(start, Instant.now());
            Map<String, Map<String, Double>> probabilities = scored.awaitAll(leadIds, Duration.ofMinutes(3));
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            return report(dataset, leads, leadIds, probabilities, delay, replay) + learningLag(leadIds, scored.learnedAtScoring(), delay);
        } finally {
            deleteQuietly(home);
        }
    }

    /** On a box shared with builds, a part can miss its start-up deadline; the stack stops it all, so try again. */
    private static LocalStack startWithRetries(StackConfig config) {
        for (int attempt = 1; ; attempt++) {
            try {
                return LocalStack.start(config, System.out::println);
            } catch (io.leadloop.localstack.StartupFailed failed) {
                if (attempt == 3) {
                    throw failed;
                }
                System.out.println("Stack did not start (" + failed.getMessage() + "); trying again");
            }
        }
    }

    static String report(String dataset, List<ReplayLead> leads, List<String> leadIds,
            Map<String, Map<String, Double>> probabilities, int delay, Duration replay) {
        int from = (int) Math.floor(leads.size() * (1 - EVALUATED_SHARE));
        Map<String, List<RocAuc.Scored>> byModel = new LinkedHashMap<>();
        int missing = 0;
        for (int i = from; i < leads.size(); i++) {
            Map<String, Double> leadProbabilities = probabilities.get(leadIds.get(i));
            if (leadProbabilities == null) {
                missing++;
                continue;
            }
            for (Map.Entry<String, Double> model : leadProbabilities.entrySet()) {
                byModel.computeIfAbsent(model.getKey(), k -> new ArrayList<>())
                        .add(new RocAuc.Scored(model.getValue(), leads.get(i).won()));
            }
        }
        long won = leads.stream().filter(ReplayLead::won).count();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## %s%n%n%d leads (%d won, %.1f%%), outcome fed back %d to 2 x %d leads later, "
                        + "replayed in %d s; ROC AUC of P(won) at scoring time over the last %d rows (%d not scored in time)%n%n",
                dataset, leads.size(), won, 100.0 * won / leads.size(), delay, delay, replay.toSeconds(), leads.size() - from,
                missing));
        out.append("| model | ROC AUC |\n|---|---|\n");
        byModel.forEach((model, scored) -> out.append(String.format(Locale.ROOT, "| %s | %.4f |%n", model, RocAuc.of(scored))));
        System.out.println(out);
        return out.toString();
    }

    /**
     * How far behind the outcomes fed back the model was when the evaluated leads were scored: lead i (0-based) is
     * sent after the outcomes of about i - 1.5 x delay leads (outcomes of batch k go in while batch k+1 does), so a
     * model learning instantly would have learned from that many; the difference is the learning path's lag.
     */
    static String learningLag(List<String> leadIds, Map<String, Long> learned, int delay) {
        int from = (int) Math.floor(leadIds.size() * (1 - EVALUATED_SHARE));
        double behind = 0;
        double learnedSum = 0;
        int counted = 0;
        for (int i = from; i < leadIds.size(); i++) {
            Long n = learned.get(leadIds.get(i));
            if (n == null) {
                continue;
            }
            behind += Math.max(0, i - 1.5 * delay) - n;
            learnedSum += n;
            counted++;
        }
        String out = counted == 0 ? "" : String.format(Locale.ROOT,
                "%nLearning lag over the evaluated rows: the active model had learned from %.0f outcomes on average when a "
                        + "lead was scored, %.0f fewer than had been fed back by then (i - 1.5 x delay).%n",
                learnedSum / counted, behind / counted);
        System.out.println(out);
        return out;
    }

    private static List<String> postLeads(String intake, List<ReplayLead> batch) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReplayLead lead : batch) {
            Map<String, Object> item = new LinkedHashMap<>(lead.body());
            item.put("idempotencyKey", "bench-quality-" + lead.rowId());
            items.add(item);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/leads/batch"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(items))), 200);
        List<String> ids = new ArrayList<>();
        for (JsonNode result : JSON.readTree(response.body()).get("results")) {
            if (result.get("status").asInt() != 202) {
                throw new IllegalStateException("Intake refused lead " + batch.get(result.get("index").asInt()).rowId()
                        + ": " + result);
            }
            ids.add(result.get("leadId").asString());
        }
        return ids;
    }

    private static void postOutcomes(String feedback, List<String> leadIds, List<ReplayLead> leads) {
        List<java.util.concurrent.CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            String leadId = leadIds.get(i);
            ReplayLead lead = leads.get(i);
            sent.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    postOutcome(feedback, leadId, lead);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, OUTCOME_SENDERS));
        }
        sent.forEach(java.util.concurrent.CompletableFuture::join);
    }

    private static final java.util.concurrent.ExecutorService OUTCOME_SENDERS =
            java.util.concurrent.Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory());

    private static void postOutcome(String feedback, String leadId, ReplayLead lead) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        if (lead.won()) {
            body.put("outcome", "WON");
            body.put("amount", lead.amount());
            body.put("currency", "USD");
        } else {
            body.put("outcome", "LOST");
            body.put("reason", "other");
            body.put("reasonDetail", "did not convert (data set replay)");
        }
        send(HttpRequest.newBuilder(URI.create(feedback + "/api/v1/leads/" + leadId + "/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 202);
    }

    /**
     * Sends until an expected status: 404 (feedback has not seen the lead's capture yet) and 503 (a service is
     * rebalancing) are retried with a short back-off for up to a minute.
     */
    private static HttpResponse<String> send(HttpRequest.Builder request, int... expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        long backoffMillis = 5;
        while (true) {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response;
                }
            }
            boolean retryable = response.statusCode() == 404 || response.statusCode() == 503 || response.statusCode() == 429;
            if (!retryable || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            LockSupport.parkNanos(Duration.ofMillis(backoffMillis).toNanos());
            backoffMillis = Math.min(backoffMillis * 2, 500);
        }
    }

    private static void write(String sections, int delay) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path results = Path.of(System.getProperty("results", "bench-quality/results"));
        Files.createDirectories(results);
        Path file = results.resolve(stamp + "-quality-delay-" + delay + ".md");
        String header = "# Quality benchmark, " + DateTimeFormatter.ISO_INSTANT.format(Instant.now()) + "\n\n"
                + "`java -jar bench-quality/target/bench-quality.jar` (" + Runtime.getRuntime().availableProcessors()
                + " cores); the active and shadow learners of qualification-service, each lead's P(won) as published "
                + "in its LeadScored event.\n\n";
        Files.writeString(file, header + sections);
        System.out.println("Written to " + file);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // A temp directory left behind is harmless.
        }
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
