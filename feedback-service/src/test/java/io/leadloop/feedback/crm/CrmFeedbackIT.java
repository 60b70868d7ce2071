package io.leadloop.feedback.crm;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.SalesOutcome;
import io.leadloop.feedback.LeadMother;
import io.leadloop.feedback.ReferencePayloads;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerdeConfig;
import io.leadloop.schemas.serde.AvroSerializer;
import io.leadloop.testsupport.LeadLoopInfrastructure;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CRMs' real deliveries against a real broker and registry: a Salesforce outbound message and a HubSpot batch
 * about a captured lead become FeedbackRecorded, and their redeliveries publish no event under a new id.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "leadloop.feedback.crm.hubspot.client-secret=" + CrmFeedbackIT.HUBSPOT_SECRET,
        "leadloop.feedback.crm.hubspot.stage-outcomes[" + CrmFeedbackIT.REAL_HUBSPOT_STAGE + "]=LOST",
        "leadloop.feedback.crm.salesforce.organization-id=" + CrmFeedbackIT.REAL_SALESFORCE_ORG})
class CrmFeedbackIT {

    static final String HUBSPOT_SECRET = "it-client-secret";
    /** The opaque custom-pipeline stage of hubspot-webhook-deal-stage-change.json, here a "closed lost" stage. */
    static final String REAL_HUBSPOT_STAGE = "1f4f1ec1-8174-49f3-a112-4eaa4748e38e";
    static final String REAL_SALESFORCE_ORG = "00D7F00000107XsUAI";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void freshStateDirectory(DynamicPropertyRegistry registry) throws IOException {
        String stateDir = Files.createTempDirectory("feedback-crm-it-streams").toString();
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
    }

    @Test
    void recordsCrmOutcomesOfACapturedLeadOnceEvenWhenRedelivered() throws Exception {
        byte[] salesforceMessage = ReferencePayloads.bytes("salesforce-outbound-message-opportunity.xml");
        String hubspotStageChange = ReferencePayloads.text("hubspot-webhook-deal-stage-change.json");
        LeadMother lead = aLead().inCampaign("crm-it-" + UUID.randomUUID());
        produceCaptured(lead);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(post("/api/v1/leads/" + lead.leadId() + "/feedback", "application/json",
                        "{\"outcome\": \"CONTACTED\", \"occurredAt\": \"2019-01-01T00:00:00Z\"}").statusCode())
                        .isEqualTo(202));

        String closedWon = new String(salesforceMessage, StandardCharsets.UTF_8).replace(
                "<sf:StageName>Perception Analysis</sf:StageName>",
                "<sf:StageName>Closed Won</sf:StageName><sf:LastModifiedDate>2026-11-20T09:30:00.000Z"
                        + "</sf:LastModifiedDate><sf:LeadLoop_Lead_Id__c>" + lead.leadId() + "</sf:LeadLoop_Lead_Id__c>");
        for (int delivery = 0; delivery < 2; delivery++) {
            HttpResponse<String> ack = post("/api/v1/crm/salesforce", "text/xml; charset=utf-8", closedWon);
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/xml"));
            assertThat(ack.body()).contains("<Ack>true</Ack>");
        }
        HttpResponse<String> foreign = post("/api/v1/crm/salesforce", "text/xml",
                closedWon.replace(REAL_SALESFORCE_ORG, "00D000000000000AAA"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("soapenv:Fault").doesNotContain("<Ack>");

        long dealId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        ObjectNode stageChange = (ObjectNode) JSON.readTree(hubspotStageChange);
        stageChange.put("objectId", dealId);
        ObjectNode link = stageChange.deepCopy();
        link.put("eventId", stageChange.get("eventId").asLong() + 1).put("propertyName", "leadloop_lead_id")
                .put("propertyValue", lead.leadId()).put("occurredAt", stageChange.get("occurredAt").asLong() - 1000);
        String batch = JSON.writeValueAsString(List.of(stageChange, link));
        for (int delivery = 0; delivery < 2; delivery++) {
            HttpResponse<String> answer = postHubSpot(batch, Instant.now());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("recorded")).singleElement()
                    .satisfies(recorded -> assertThat(recorded.get("leadId").asString()).isEqualTo(lead.leadId()));
        }
        ObjectNode laterChange = stageChange.deepCopy();
        laterChange.put("eventId", stageChange.get("eventId").asLong() + 2)
                .put("occurredAt", stageChange.get("occurredAt").asLong() + 1000);
        String laterBatch = JSON.writeValueAsString(List.of(laterChange));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(JSON.readTree(postHubSpot(laterBatch, Instant.now())
                .body()).get("recorded")).as("a later batch finds the deal's lead in the store").hasSize(1));
        HttpResponse<String> stale = postHubSpot(batch, Instant.now().minus(Duration.ofMinutes(6)));
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(stale.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/unauthorized-delivery");

        String salesforceEventId = CrmEventIds.of("salesforce", REAL_SALESFORCE_ORG, "04l7F000008aeAyQAI");
        String hubspotEventId = CrmEventIds.of("hubspot", stageChange.get("portalId").asString(),
                stageChange.get("eventId").asString());
        String laterHubspotEventId = CrmEventIds.of("hubspot", laterChange.get("portalId").asString(),
                laterChange.get("eventId").asString());
        List<FeedbackRecorded> fromCrms = new ArrayList<>();
        try (var consumer = feedbackConsumer()) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (lead.leadId().equals(record.key()) && !"api".equals(record.value().getRecordedVia())) {
                        fromCrms.add(record.value());
                    }
                });
                // 2 deliveries each of the Salesforce message and the HubSpot batch, 1+ of the later batch
                assertThat(fromCrms).hasSizeGreaterThanOrEqualTo(5).extracting(FeedbackRecorded::getEventId)
                        .contains(salesforceEventId, hubspotEventId, laterHubspotEventId);
            });
        }
        assertThat(fromCrms).extracting(FeedbackRecorded::getEventId).containsOnly(salesforceEventId, hubspotEventId, laterHubspotEventId);
        assertThat(fromCrms).filteredOn(event -> event.getEventId().equals(salesforceEventId)).hasSize(2).allSatisfy(event -> {
            assertThat(event.getRecordedVia()).isEqualTo("salesforce");
            assertThat(event.getOutcome()).isEqualTo(SalesOutcome.WON);
            assertThat(event.getAmount()).isEqualTo(new BigDecimal("120000.00"));
            assertThat(event.getCurrency()).isEqualTo("USD");
            assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
            assertThat(event.getCampaignId()).isEqualTo(lead.captured().getLead().getSource().getCampaignId());
        });
        assertThat(fromCrms).filteredOn(event -> event.getEventId().equals(hubspotEventId)).hasSize(2).allSatisfy(event -> {
            assertThat(event.getRecordedVia()).isEqualTo("hubspot");
            assertThat(event.getOutcome()).isEqualTo(SalesOutcome.LOST);
            assertThat(event.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1556094637139L));
        });
    }

    private HttpResponse<String> postHubSpot(String batch, Instant sentAt) throws Exception {
        String url = "http://127.0.0.1:" + port + "/api/v1/crm/hubspot";
        String timestamp = Long.toString(sentAt.toEpochMilli());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HUBSPOT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal(("POST" + url + batch + timestamp).getBytes(StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-HubSpot-Signature-v3", signature).header("X-HubSpot-Request-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void produceCaptured(LeadMother lead) throws Exception {
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(registry(), false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LeadLoopInfrastructure.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), lead.leadId(), lead.captured())).get();
        }
    }

    private static KafkaConsumer<String, FeedbackRecorded> feedbackConsumer() {
        var values = new AvroDeserializer<>(FeedbackRecorded.class);
        values.configure(registry(), false);
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LeadLoopInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "feedback-crm-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.FEEDBACK_RECORDED.name()));
        return consumer;
    }

    private static Map<String, Object> registry() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, LeadLoopInfrastructure.get().schemaRegistryUrl());
    }
}
