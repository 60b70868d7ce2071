package io.leadloop.feedback.scoreboard;

import static io.leadloop.feedback.LeadMother.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadloop.events.FunnelNumbersChanged;
import io.leadloop.events.LeadStage;
import io.leadloop.events.SalesOutcome;
import io.leadloop.feedback.FeedbackApplication;
import io.leadloop.feedback.LeadMother;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerdeConfig;
import io.leadloop.schemas.serde.AvroSerializer;
import io.leadloop.testsupport.LeadLoopInfrastructure;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The closed-loop numbers and the scoreboard against a real broker and registry: leads go around the loop as
 * events, the API answers their numbers in JSON and CSV, the compacted topic carries them, and the page, loaded in
 * a real headless Chromium, shows what the API returns (a screenshot is kept in target/).
 *
 * <p>Each test's leads are captured on a day of their own and the queries ask for that day only, so tests never
 * read each other's numbers.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "leadloop.feedback.scoreboard.revenue-goal=5000",
        "leadloop.feedback.scoreboard.refresh-interval=2s"})
class ScoreboardIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    /** An application id of its own: other test classes' contexts must not share (and split) its partitions. */
    private static final String APPLICATION_ID = "feedback-scoreboard-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void ownStreamsApplication(DynamicPropertyRegistry registry) throws IOException {
        String stateDir = Files.createTempDirectory("feedback-scoreboard-it-streams").toString();
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
        registry.add("spring.kafka.streams.application-id", () -> APPLICATION_ID);
    }

    @BeforeEach
    void awaitHealthy() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/actuator/health").statusCode()).isEqualTo(200));
    }

    @Test
    void answersTheClosedLoopNumbersInJsonAndCsvAndPublishesThemCompacted() throws Exception {
        Loop loop = Loop.on("2025-02-14");
        loop.send();

        // Each lead's changes are summed in its own partition's task and handed on every 100 ms, so one lead's
        // numbers can count before another's that happened earlier: wait for the whole snapshot, not for one event.
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode campaigns = getJson("/api/v1/numbers/campaign?from=2025-02-14&to=2025-02-14");
            assertThat(row(campaigns, loop.webinar).get("won").asLong()).isEqualTo(1);
            JsonNode ads = row(campaigns, loop.ads);
            assertThat(ads.get("won").asLong()).isEqualTo(1);
            assertThat(ads.get("qualified").asLong()).isEqualTo(2);
            assertThat(ads.get("handedOff").asLong()).isEqualTo(2);
            assertThat(ads.get("rejected").asLong()).isEqualTo(1);
            assertThat(ads.at("/rejectedByReason/no-budget").asLong()).isEqualTo(1);
            assertThat(ads.get("contactedWithinSla").asLong()).isEqualTo(1);
            assertThat(ads.get("medianMinutesToFirstTouch").asDouble()).isEqualTo(30.0);
            assertThat(ads.at("/revenue/USD").decimalValue()).isEqualByComparingTo("1000.00");
            // The webinar lead's 500 is split half and half between its two touches' campaigns.
            assertThat(ads.at("/attributedRevenue/linear/USD").decimalValue()).isEqualByComparingTo("1250.00");
            assertThat(ads.at("/attributedRevenue/first-touch/USD").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(row(campaigns, loop.webinar).at("/attributedRevenue/first-touch/USD").decimalValue())
                    .isEqualByComparingTo("500.00");
            assertThat(ads.at("/conversion/captured→qualified").decimalValue()).isEqualByComparingTo("1");
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode rep = getJson("/api/v1/numbers/rep/" + loop.rep + "?from=2025-02-14&to=2025-02-14");
            assertThat(rep.get("handedOff").asLong()).isEqualTo(3);
            assertThat(rep.get("acceptanceRate").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(rep.get("winRate").decimalValue()).isEqualByComparingTo("1");
        });
        assertThat(getJson("/api/v1/numbers/campaign?from=2025-02-15").toString()).doesNotContain(loop.ads);

        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(uri("/api/v1/numbers/campaign?from=2025-02-14&to=2025-02-14"))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("campaign,captured,qualified,handed_off,")
                .contains(loop.ads + ",2,2,2,1,1,no-budget=1,1,1,30.0,1,1,1,0,USD=1000.00,");

        HttpResponse<String> badRange = get("/api/v1/numbers/campaign?from=2025-02-14&to=yesterday");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRange.body()).get("type").asString()).isEqualTo("https://leadloop.io/problems/invalid-query");
        assertThat(JSON.readTree(badRange.body()).at("/errors/0/parameter").asString()).isEqualTo("to");

        Map<String, FunnelNumbersChanged> published = new HashMap<>();
        String key = "campaign|" + loop.ads + "|2025-02-14";
        try (var consumer = consumer(Topics.FUNNEL_NUMBERS)) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> published.put(record.key(), record.value()));
                assertThat(published.get(key)).isNotNull()
                        .satisfies(numbers -> assertThat(numbers.getWon()).isEqualTo(1));
            });
        }
    }

    @Test
    void scoreboardPageShowsTheNumbersTheApiReturns() throws Exception {
        Optional<Path> chromium = Chromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "chromium not installed (apt-get install chromium; .ci/run does): the browser test is skipped");
        Loop loop = Loop.on("2025-03-03");
        loop.send();
        String query = "?from=2025-03-03&to=2025-03-03&model=linear";
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode board = getJson("/api/v1/scoreboard" + query);
            // The loop's whole outcome, not just its last step: facts arrive in any order, and the page is read
            // after this snapshot, so a number still moving would differ between the two.
            assertThat(row(board.get("campaigns"), loop.ads).get("won").asLong()).isEqualTo(1);
            assertThat(row(board.get("campaigns"), loop.ads).get("captured").asLong()).isEqualTo(2);
            assertThat(row(board.get("campaigns"), loop.ads).get("handedOff").asLong()).isEqualTo(2);
            assertThat(row(board.get("campaigns"), loop.ads).get("accepted").asLong()).isEqualTo(1);
            assertThat(row(board.get("campaigns"), loop.ads).get("rejected").asLong()).isEqualTo(1);
            assertThat(row(board.get("reps"), loop.rep).get("won").asLong()).isEqualTo(2);
            assertThat(row(board.get("reps"), loop.rep).get("handedOff").asLong()).isEqualTo(3);
            // The goal adds up every campaign's revenue, so the webinar's won lead must be in too (its numbers
            // are handed on separately from the ads campaign's and the rep's).
            assertThat(row(board.get("campaigns"), loop.webinar).get("won").asLong()).isEqualTo(1);
            assertThat(board.at("/goal/won").decimalValue()).isEqualByComparingTo("1500.00");
        });
        JsonNode board = getJson("/api/v1/scoreboard" + query);

        String page = "http://127.0.0.1:" + port + "/scoreboard" + query;
        String dom = Chromium.dumpDom(chromium.get(), page);
        Chromium.screenshot(chromium.get(), page, Path.of("target", "scoreboard.png"));

        assertThat(dom).contains("data-state=\"ready\"");
        for (JsonNode campaign : board.get("campaigns")) {
            Map<String, String> shown = cells(dom, "funnel-rows", "campaign", campaign.get("value").asString());
            for (String metric : List.of("captured", "qualified", "handedOff", "accepted", "rejected", "contacted",
                    "contactedWithinSla", "meetings", "opportunities", "won")) {
                assertThat(shown.get(metric)).as("%s of %s", metric, campaign.get("value"))
                        .isEqualTo(campaign.get(metric).asString());
            }
        }
        Map<String, String> adsRevenue = cells(dom, "attribution-rows", "campaign", loop.ads);
        assertThat(adsRevenue.get("attributed")).isEqualTo("USD=" + plain(row(board.get("campaigns"), loop.ads)
                .at("/attributedRevenue/linear/USD").decimalValue()));
        assertThat(cells(dom, "reason-rows", "reason", "no-budget").get("rejected"))
                .isEqualTo(board.at("/rejectionReasons/no-budget").asString());
        Map<String, String> rep = cells(dom, "rep-rows", "rep", loop.rep);
        assertThat(rep.get("slaCompliance")).isEqualTo(plain(row(board.get("reps"), loop.rep).get("slaCompliance").decimalValue()));
        assertThat(rep.get("handedOff")).isEqualTo("3");
        assertThat(dom).containsPattern("data-won=\"" + Pattern.quote(plain(board.at("/goal/won").decimalValue())) + "\"");
        assertThat(Path.of("target", "scoreboard.png")).exists().isNotEmptyFile();
    }

    /**
     * A second instance of the same Streams application owns some of the partitions; both still answer the same
     * numbers, because the API reads them from a global store that every instance keeps whole.
     */
    @Test
    void twoInstancesGiveTheSameNumbers() throws Exception {
        Path stateDir = Files.createTempDirectory("feedback-scoreboard-it-second");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(FeedbackApplication.class).run(
                "--server.port=0", "--spring.kafka.streams.application-id=" + APPLICATION_ID,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--spring.kafka.streams.properties.commit.interval.ms=100")) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            Loop loop = Loop.on("2025-04-01");
            loop.send();
            String numbers = "/api/v1/numbers/campaign?from=2025-04-01&to=2025-04-01";

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode first = getJson(numbers);
                assertThat(row(first, loop.ads).get("won").asLong()).isEqualTo(1);
                assertThat(row(first, loop.webinar).get("won").asLong()).isEqualTo(1);
                HttpResponse<String> fromSecond = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + secondPort + numbers)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(fromSecond.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(fromSecond.body())).isEqualTo(first);
            });
        }
    }

    /**
     * Three leads of one rep on one day: two from the ads campaign (one contacted in 30 minutes and won 1000 USD,
     * one rejected for no budget) and one that came through the webinar first and the ads campaign second, won 500.
     */
    private record Loop(String day, String ads, String webinar, String rep) {

        static Loop on(String day) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            return new Loop(day, "ads-" + run, "webinar-" + run, "rep-" + run);
        }

        void send() throws Exception {
            Instant t0 = Instant.parse(day + "T09:00:00Z");
            LeadMother won = aLead().inCampaign(ads).fromForm("demo").ownedBy(rep).rejectedFor("no-budget").at(t0);
            LeadMother rejected = aLead().inCampaign(ads).ownedBy(rep).rejectedFor("no-budget").at(t0);
            LeadMother twoTouches = aLead().inCampaign(webinar).ownedBy(rep).at(t0);
            List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
            for (LeadMother lead : List.of(won, rejected, twoTouches)) {
                records.add(record(Topics.LEADS_CAPTURED, lead.leadId(), lead.captured()));
            }
            twoTouches.at(t0.plusSeconds(600)).inCampaign(ads).touch(2);
            records.add(record(Topics.LEADS_CAPTURED, twoTouches.leadId(), twoTouches.captured()));
            for (LeadMother lead : List.of(won, rejected, twoTouches)) {
                lead.at(t0.plusSeconds(900));
                records.add(record(Topics.LEADS_SCORED, lead.leadId(), lead.scored(LeadStage.MQL)));
                lead.at(t0.plusSeconds(960));
                records.add(record(Topics.LEADS_HANDED_OFF, lead.leadId(), lead.handedOff()));
            }
            won.at(t0.plusSeconds(960 + 1800));
            records.add(record(Topics.FEEDBACK_RECORDED, won.leadId(), won.reported(SalesOutcome.CONTACTED)));
            won.at(t0.plusSeconds(86_400));
            records.add(record(Topics.FEEDBACK_RECORDED, won.leadId(), won.won("1000.00", "USD")));
            rejected.at(t0.plusSeconds(3000));
            records.add(record(Topics.FEEDBACK_RECORDED, rejected.leadId(), rejected.reported(SalesOutcome.REJECTED)));
            twoTouches.at(t0.plusSeconds(90_000));
            records.add(record(Topics.FEEDBACK_RECORDED, twoTouches.leadId(), twoTouches.won("500.00", "USD")));

            var serializer = new AvroSerializer<SpecificRecord>();
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                    LeadLoopInfrastructure.get().schemaRegistryUrl()), false);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LeadLoopInfrastructure.get().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), serializer)) {
                for (var record : records) {
                    producer.send(record).get();
                }
            }
        }

        private static ProducerRecord<String, SpecificRecord> record(Topic<?> topic, String key, SpecificRecord value) {
            return new ProducerRecord<>(topic.name(), key, value);
        }
    }

    /** Debian's chromium, driven from the command line: DOM after the scripts ran, and a screenshot. */
    static final class Chromium {

        static Optional<Path> find() {
            for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
                if (Files.isExecutable(Path.of(candidate))) {
                    return Optional.of(Path.of(candidate));
                }
            }
            return Optional.empty();
        }

        static String dumpDom(Path chromium, String url) throws Exception {
            return run(chromium, List.of("--dump-dom", url));
        }

        static void screenshot(Path chromium, String url, Path file) throws Exception {
            Files.createDirectories(file.toAbsolutePath().getParent());
            run(chromium, List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=1280,1400", url));
        }

        /**
         * The virtual time budget lets the page's fetch and rendering finish before the DOM is taken; the budget
         * is virtual, so this is not a wait. A profile directory of its own keeps parallel runs apart.
         */
        private static String run(Path chromium, List<String> arguments) throws Exception {
            Path profile = Files.createTempDirectory("scoreboard-chromium");
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                    "--virtual-time-budget=10000"));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("chromium did not finish: " + command);
                }
                assertThat(process.exitValue()).as("chromium exit code of %s", command).isZero();
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** The cells of one row, metric → data-value, as the page rendered them. */
    private static Map<String, String> cells(String dom, String tbody, String kind, String key) {
        int body = dom.indexOf("id=\"" + tbody + "\"");
        assertThat(body).as("table body %s", tbody).isNotNegative();
        int start = dom.indexOf("data-" + kind + "=\"" + key + "\"", body);
        assertThat(start).as("row %s in %s", key, tbody).isNotNegative();
        String row = dom.substring(start, dom.indexOf("</tr>", start));
        Map<String, String> cells = new HashMap<>();
        Matcher cell = Pattern.compile("data-metric=\"(\\w+)\" data-value=\"([^\"]*)\"").matcher(row);
        while (cell.find()) {
            cells.put(cell.group(1), cell.group(2).replace("&amp;", "&"));
        }
        return cells;
    }

    /** How JavaScript prints a JSON number: no trailing zeros. */
    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static JsonNode row(JsonNode rows, String value) {
        JsonNode list = rows.has("rows") ? rows.get("rows") : rows;
        for (JsonNode row : list) {
            if (value.equals(row.get("value").asString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + value + " in " + rows);
    }

    private static <V extends SpecificRecord> KafkaConsumer<String, V> consumer(Topic<V> topic) {
        var values = new AvroDeserializer<>(topic.valueType());
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, LeadLoopInfrastructure.get().schemaRegistryUrl()),
                false);
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LeadLoopInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "scoreboard-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
