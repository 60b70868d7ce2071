package io.leadloop.qualification;

import static io.leadloop.qualification.streams.LeadEvents.anAcmeVpWhoAskedForADemo;
import static io.leadloop.qualification.streams.LeadEvents.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadStage;
import io.leadloop.events.Priority;
import io.leadloop.events.SalesOutcome;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerializer;
import io.leadloop.testsupport.LeadLoopInfrastructure;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service on a real broker and the real Apicurio registry: leads go in on {@code leads.captured.v1}, feedback
 * on {@code feedback.recorded.v1}; scores come out on {@code leads.scored.v1} and over HTTP.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "spring.kafka.streams.cleanup.on-shutdown=true"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualificationServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaProducer<String, SpecificRecord> events;
    private static KafkaProducer<String, byte[]> rawBytes;

    @LocalServerPort
    int port;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @DynamicPropertySource
    static void freshStateDirectory(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.state-dir", () -> {
            try {
                return Files.createTempDirectory("qualification-it-state").toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @BeforeAll
    static void producers() {
        LeadLoopInfrastructure infrastructure = LeadLoopInfrastructure.get();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                "schema.registry.url", infrastructure.schemaRegistryUrl());
        var avro = new AvroSerializer<SpecificRecord>();
        avro.configure(config, false);
        events = new KafkaProducer<>(config, new StringSerializer(), avro);
        rawBytes = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducers() {
        events.close();
        rawBytes.close();
    }

    @Test
    void scoresACapturedLeadPublishesTheVerdictAndServesItsScore() throws Exception {
        String leadId = freshId("lead");
        String campaignId = freshId("campaign");
        LeadCaptured lead = anAcmeVpWhoAskedForADemo(leadId, campaignId).build();

        try (var scored = new RecordsOn<>(Topics.LEADS_SCORED.name(), bootstrapServers(), scoredDeserializer())) {
            events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), leadId, lead)).get();

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(scored.withKey(leadId)).singleElement()
                    .satisfies(record -> {
                        LeadScored event = record.value();
                        assertThat(event.getStage()).isEqualTo(LeadStage.MQL);
                        assertThat(event.getPriority()).isEqualTo(Priority.HOT);
                        assertThat(event.getScore()).isEqualTo(90);
                        assertThat(event.getLead()).isEqualTo(lead.getLead());
                    }));
        }

        HttpResponse<String> response = get("/api/v1/leads/" + leadId + "/score");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode score = JSON.readTree(response.body());
        assertThat(score.get("leadId").asString()).isEqualTo(leadId);
        assertThat(score.get("score").asInt()).isEqualTo(90);
        assertThat(score.get("stage").asString()).isEqualTo("MQL");
        assertThat(score.get("priority").asString()).isEqualTo("HOT");
        assertThat(score.get("definitionVersion").asString()).isEqualTo("builtin-1");
        assertThat(java.time.Instant.parse(score.get("scoredAt").asString())).isBefore(java.time.Instant.now());
        assertThat(score.get("reasons")).hasSize(8);
        assertThat(score.get("reasons").get(0).get("rule").asString()).isEqualTo("fit.job-title");
        assertThat(score.get("reasons").get(0).get("points").asInt()).isEqualTo(20);
        assertThat(score.get("reasons").get(0).get("explanation").asString()).contains("VP Marketing");

        JsonNode health = JSON.readTree(get("/actuator/health").body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/kafkaStreams/details/state").asString()).isIn("RUNNING", "REBALANCING");
        assertThat(get("/actuator/prometheus", "text/plain").body()).contains("leadloop_qualification_leads_scored_total{stage=\"MQL\"}");
        assertThat(JSON.readTree(get("/v3/api-docs").body()).at("/paths").propertyNames())
                .contains("/api/v1/leads/{leadId}/score", "/api/v1/campaigns/{campaignId}/outcomes");
    }

    /**
     * The factory bean stopped and started (an operator's restart through the lifecycle, Spring's test framework
     * pausing and resuming this cached context) creates a new Streams client. Reads must follow it: through Spring
     * Kafka's query service, which keeps the first client, they answered 503 for good while health said UP.
     */
    @Test
    void servesScoresAndCampaignOutcomesAgainAfterItsStreamsClientWasRestarted() throws Exception {
        String leadId = freshId("lead");
        String campaignId = freshId("campaign");
        events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), leadId,
                anAcmeVpWhoAskedForADemo(leadId, campaignId).build())).get();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/api/v1/leads/" + leadId + "/score").statusCode())
                .isEqualTo(200));

        streams.stop();
        streams.start();

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> score = get("/api/v1/leads/" + leadId + "/score");
            assertThat(score.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(score.body()).get("score").asInt()).isEqualTo(90);
            HttpResponse<String> outcomes = get("/api/v1/campaigns/" + campaignId + "/outcomes");
            assertThat(outcomes.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(outcomes.body()).get("leadsScored").asLong()).isEqualTo(1);
        });
    }

    @Test
    void answersAnUnknownLeadWithANotFoundProblem() {
        String leadId = freshId("never-captured");

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/leads/" + leadId + "/score");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://leadloop.io/problems/unknown-lead");
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("leadId").asString()).isEqualTo(leadId);
        });
    }

    @Test
    void countsOutcomesAndScoredLeadsPerCampaign() throws Exception {
        String campaignId = freshId("campaign");
        String won = freshId("lead");
        String rejected = freshId("lead");
        events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), won, anAcmeVpWhoAskedForADemo(won, campaignId).build()));
        events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), rejected, anAcmeVpWhoAskedForADemo(rejected, campaignId).build()));
        for (FeedbackRecorded outcome : new FeedbackRecorded[] {
                feedback(won, campaignId, SalesOutcome.ACCEPTED),
                feedback(won, campaignId, SalesOutcome.WON),
                feedback(rejected, campaignId, SalesOutcome.REJECTED)}) {
            events.send(new ProducerRecord<>(Topics.FEEDBACK_RECORDED.name(), outcome.getLeadId(), outcome));
        }
        events.flush();

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/campaigns/" + campaignId + "/outcomes");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode tally = JSON.readTree(response.body());
            assertThat(tally.get("campaignId").asString()).isEqualTo(campaignId);
            assertThat(tally.get("leadsScored").asLong()).isEqualTo(2);
            assertThat(tally.get("outcomes").properties()).extracting(Map.Entry::getKey)
                    .containsExactly("ACCEPTED", "REJECTED", "WON");
            assertThat(tally.at("/outcomes/WON").asLong()).isEqualTo(1);
        });
    }

    @Test
    void parksPoisonRecordsOnDeadLetterTopicsAndKeepsGoing() throws Exception {
        String poisonKey = freshId("poison");
        String leadId = freshId("lead");
        String campaignId = freshId("campaign");

        try (var capturedDeadLetters = new RecordsOn<>(Topics.LEADS_CAPTURED.deadLetter(), bootstrapServers(), new ByteArrayDeserializer());
                var feedbackDeadLetters = new RecordsOn<>(Topics.FEEDBACK_RECORDED.deadLetter(), bootstrapServers(), new ByteArrayDeserializer())) {
            byte[] notAvro = "{\"email\": \"not confluent avro\"}".getBytes(StandardCharsets.UTF_8);
            rawBytes.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), poisonKey, notAvro)).get();
            rawBytes.send(new ProducerRecord<>(Topics.FEEDBACK_RECORDED.name(), poisonKey, notAvro)).get();
            events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), leadId, anAcmeVpWhoAskedForADemo(leadId, campaignId).build())).get();
            events.send(new ProducerRecord<>(Topics.FEEDBACK_RECORDED.name(), leadId, feedback(leadId, campaignId, SalesOutcome.WON))).get();

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(capturedDeadLetters.withKey(poisonKey)).singleElement().satisfies(deadLetter -> {
                    assertThat(deadLetter.value()).isEqualTo(notAvro);
                    assertThat(deadLetter.headers().lastHeader(DeadLetterTopicHandler.EXCEPTION_FQCN)).isNotNull();
                });
                assertThat(feedbackDeadLetters.withKey(poisonKey)).singleElement().satisfies(deadLetter ->
                        assertThat(deadLetter.headers().lastHeader(DeadLetterTopicHandler.EXCEPTION_FQCN)).isNotNull());
            });
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(get("/api/v1/leads/" + leadId + "/score").statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(get("/api/v1/campaigns/" + campaignId + "/outcomes").body()).at("/outcomes/WON").asLong())
                    .isEqualTo(1);
        });
    }

    /** Before the activation test: every lead so far is an Acme VP (90 points), an MQL under builtin-1. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void backtestsAProposedDefinitionAgainstTheActiveOneOnTheLeadsAndOutcomesSeenSoFar() throws Exception {
        String campaignId = freshId("campaign");
        String won = freshId("lead");
        String rejected = freshId("lead");
        events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), won, anAcmeVpWhoAskedForADemo(won, campaignId).build()));
        events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), rejected, anAcmeVpWhoAskedForADemo(rejected, campaignId).build()));
        events.send(new ProducerRecord<>(Topics.FEEDBACK_RECORDED.name(), won, feedback(won, campaignId, SalesOutcome.WON)));
        events.send(new ProducerRecord<>(Topics.FEEDBACK_RECORDED.name(), rejected, feedback(rejected, campaignId, SalesOutcome.REJECTED)));
        events.flush();

        ObjectNode document = (ObjectNode) JSON.readTree(get("/api/v1/definitions/active").body()).get("document");
        String version = freshId("strict");
        document.put("version", version);
        document.put("mqlThreshold", 95);
        ((ObjectNode) document.get("priority")).put("hot", 95);
        ((ObjectNode) document.get("priority")).put("warm", 95);
        assertThat(post("/api/v1/definitions?proposedBy=mia", document.toString()).statusCode()).isEqualTo(201);

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/definitions/" + version + "/backtest");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode backtest = JSON.readTree(response.body());
            JsonNode active = backtest.get("active");
            JsonNode proposed = backtest.get("proposed");
            assertThat(active.get("version").asString()).isEqualTo("builtin-1");
            assertThat(proposed.get("version").asString()).isEqualTo(version);
            assertThat(active.get("mqls").asLong()).isEqualTo(active.get("leadsConsidered").asLong())
                    .isGreaterThanOrEqualTo(2);
            assertThat(active.get("mqlsWithOutcome").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(active.get("won").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(active.get("accepted").asLong()).isLessThan(active.get("mqlsWithOutcome").asLong());
            assertThat(active.get("acceptanceRate").asDouble()).isBetween(0.0, 1.0);
            assertThat(proposed.get("leadsConsidered").asLong()).isEqualTo(active.get("leadsConsidered").asLong());
            assertThat(proposed.get("mqls").asLong()).as("90 points is below 95").isZero();
            assertThat(proposed.get("acceptanceRate").isNull()).isTrue();
            assertThat(backtest.get("stageChanges").asLong()).isEqualTo(active.get("mqls").asLong());
            assertThat(backtest.at("/stageTransitions/MQL->NOT_QUALIFIED").asLong()).isEqualTo(active.get("mqls").asLong());
            assertThat(backtest.get("changedLeads")).isNotEmpty();
        });

        HttpResponse<String> unknown = get("/api/v1/definitions/" + freshId("never") + "/backtest");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/unknown-definition");
    }

    /**
     * Runs last: once a definition is active, leads scored afterwards name it, not {@code builtin-1}, which the
     * other tests check.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void activatesADefinitionOnlyAfterMarketingAndSalesApprovedScoresLaterLeadsWithItAndReScoresEarlierOnes()
            throws Exception {
        String earlier = freshId("lead");
        var scoredDuringTheTest = new RecordsOn<>(Topics.LEADS_SCORED.name(), bootstrapServers(), scoredDeserializer());
        events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), earlier,
                anAcmeVpWhoAskedForADemo(earlier, freshId("campaign")).build())).get();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scoredDuringTheTest.withKey(earlier)).singleElement()
                .satisfies(record -> assertThat(record.value().getStage()).isEqualTo(LeadStage.MQL)));

        HttpResponse<String> invalid = post("/api/v1/definitions", "{\"version\": \"it bad\", \"mqlThreshold\": -1}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(invalid.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://leadloop.io/problems/invalid-definition");
        assertThat(problem.get("errors").findValuesAsString("pointer"))
                .contains("/version", "/mqlThreshold", "/priority", "/rules", "/disqualifiers");

        HttpResponse<String> builtin = get("/api/v1/definitions/active");
        assertThat(builtin.statusCode()).isEqualTo(200);
        ObjectNode document = (ObjectNode) JSON.readTree(builtin.body()).get("document");
        String version = freshId("it");
        document.put("version", version);
        ((ObjectNode) document.get("priority")).put("hot", 80);
        document.put("mqlThreshold", 91);

        assertThat(post("/api/v1/definitions?proposedBy=mia", document.toString()).statusCode()).isEqualTo(201);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/api/v1/definitions/" + version).statusCode())
                .isEqualTo(200));
        JsonNode diff = JSON.readTree(get("/api/v1/definitions/" + version + "/diff").body());
        assertThat(diff.get("changes")).hasSize(2);
        assertThat(diff.get("changes").findValuesAsString("path")).containsExactlyInAnyOrder("/mqlThreshold", "/priority/hot");

        String approvals = "/api/v1/definitions/" + version + "/approvals";
        HttpResponse<String> marketing = post(approvals, "{\"approver\": \"mia\", \"team\": \"marketing\"}");
        assertThat(marketing.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(marketing.body()).get("status").asString()).isEqualTo("proposed");
        HttpResponse<String> samePerson = post(approvals, "{\"approver\": \"mia\", \"team\": \"sales\"}");
        assertThat(samePerson.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(samePerson.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/definition-conflict");
        HttpResponse<String> sales = post(approvals, "{\"approver\": \"sam\", \"team\": \"sales\"}");
        assertThat(sales.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(sales.body()).get("status").asString()).isEqualTo("active");

        // Scoring reads the global store, which follows the topic a moment later.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(JSON.readTree(get("/api/v1/definitions/active").body())
                .get("version").asString()).isEqualTo(version));
        String leadId = freshId("lead");
        try (var scored = new RecordsOn<>(Topics.LEADS_SCORED.name(), bootstrapServers(), scoredDeserializer())) {
            events.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), leadId,
                    anAcmeVpWhoAskedForADemo(leadId, freshId("campaign")).build())).get();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(scored.withKey(leadId)).singleElement()
                    .satisfies(record -> assertThat(record.value().getDefinitionVersion()).isEqualTo(version)));
        }
        // Nothing handed it off (no handoff service here): the activation re-scores it, 90 points now below 91.
        try (scoredDuringTheTest) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(scoredDuringTheTest.withKey(earlier)).hasSize(2)
                    .last().satisfies(record -> {
                        assertThat(record.value().getTrigger()).isEqualTo("definition-activated");
                        assertThat(record.value().getDefinitionVersion()).isEqualTo(version);
                        assertThat(record.value().getStage()).isEqualTo(LeadStage.NOT_QUALIFIED);
                        assertThat(record.value().getPreviousStage()).isEqualTo(LeadStage.MQL);
                    }));
        }
        assertThat(JSON.readTree(get("/api/v1/leads/" + earlier + "/score").body()).get("stage").asString())
                .isEqualTo("NOT_QUALIFIED");
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "application/json");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AvroDeserializer<LeadScored> scoredDeserializer() {
        var deserializer = new AvroDeserializer<>(LeadScored.class);
        deserializer.configure(Map.of("schema.registry.url", LeadLoopInfrastructure.get().schemaRegistryUrl()), false);
        return deserializer;
    }

    private static String bootstrapServers() {
        return LeadLoopInfrastructure.get().bootstrapServers();
    }

    private static String freshId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
