package io.leadloop.qualification;

import static io.leadloop.qualification.streams.LeadEvents.anAcmeVpWhoAskedForADemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.leadloop.qualification.streams.QualificationTopology;
import io.leadloop.qualification.streams.StreamsInstances;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroSerializer;
import io.leadloop.testsupport.LeadLoopInfrastructure;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service sharing the partitions of one consumer group on one broker, each advertising its
 * HTTP address as {@code application.server}: a lead's score is answered by either instance (the one that does not
 * own the lead's partition asks the one that does), and a backtest covers the leads of both.
 */
@WithRealInfrastructure
class TwoInstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void answersEveryLeadsScoreOnEitherInstanceAndBacktestsTheLeadsOfBoth() throws Exception {
        String applicationId = "qualification-two-instances-" + UUID.randomUUID();
        int portA = freePort();
        int portB = freePort();
        ConfigurableApplicationContext a = start(applicationId, portA);
        ConfigurableApplicationContext b = start(applicationId, portB);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(streamsOf(a).state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(streamsOf(b).state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(streamsOf(a).streamsMetadataForStore(QualificationTopology.LEAD_SCORES_STORE))
                    .extracting(metadata -> metadata.hostInfo())
                    .containsExactlyInAnyOrder(new HostInfo("127.0.0.1", portA), new HostInfo("127.0.0.1", portB));
        });

        List<String> leadIds = new ArrayList<>();
        try (var producer = producer()) {
            for (int i = 0; i < 24; i++) {
                String leadId = "lead-" + UUID.randomUUID();
                leadIds.add(leadId);
                producer.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), leadId,
                        anAcmeVpWhoAskedForADemo(leadId, "two-instances").build()));
            }
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String leadId : leadIds) {
                for (int port : new int[] {portA, portB}) {
                    HttpResponse<String> response = get(port, "/api/v1/leads/" + leadId + "/score", false);
                    assertThat(response.statusCode()).as("lead %s on port %d", leadId, port).isEqualTo(200);
                    assertThat(JSON.readTree(response.body()).get("leadId").asString()).isEqualTo(leadId);
                }
            }
        });
        StreamsInstances routing = a.getBean(StreamsInstances.class);
        assertThat(leadIds).as("the leads are spread over both instances, so some answers were forwarded")
                .anySatisfy(leadId -> assertThat(routing.remoteOwnerOf(QualificationTopology.LEAD_SCORES_STORE, leadId)).isPresent())
                .anySatisfy(leadId -> assertThat(routing.remoteOwnerOf(QualificationTopology.LEAD_SCORES_STORE, leadId)).isEmpty());

        String backtest = "/api/v1/definitions/builtin-1/backtest";
        long onA = JSON.readTree(get(portA, backtest, false).body()).at("/active/leadsConsidered").asLong();
        long onB = JSON.readTree(get(portB, backtest, false).body()).at("/active/leadsConsidered").asLong();
        long aAlone = JSON.readTree(get(portA, backtest, true).body()).at("/active/leadsConsidered").asLong();
        long bAlone = JSON.readTree(get(portB, backtest, true).body()).at("/active/leadsConsidered").asLong();
        assertThat(onA).isEqualTo(onB).isEqualTo(aAlone + bAlone).isGreaterThanOrEqualTo(leadIds.size());
        assertThat(aAlone).isPositive();
        assertThat(bAlone).isPositive();
    }

    private ConfigurableApplicationContext start(String applicationId, int port) throws IOException {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QualificationApplication.class).run(
                "--server.port=" + port,
                "--spring.jmx.enabled=false",
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("qualification-two-instances"),
                "--spring.kafka.streams.properties.application.server=127.0.0.1:" + port,
                "--spring.kafka.streams.properties.commit.interval.ms=100",
                "--spring.kafka.streams.cleanup.on-shutdown=true");
        instances.add(context);
        return context;
    }

    private static KafkaStreams streamsOf(ConfigurableApplicationContext context) {
        return context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    }

    private static HttpResponse<String> get(int port, String path, boolean thisInstanceOnly)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json");
        if (thisInstanceOnly) {
            request.header(StreamsInstances.FORWARDED_HEADER, "true");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaProducer<String, SpecificRecord> producer() {
        LeadLoopInfrastructure infrastructure = LeadLoopInfrastructure.get();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                "schema.registry.url", infrastructure.schemaRegistryUrl());
        var avro = new AvroSerializer<SpecificRecord>();
        avro.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), avro);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
