package io.leadloop.security.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.leadloop.testsupport.LeadLoopInfrastructure;
import io.leadloop.testsupport.WithRealInfrastructure;

/**
 * A Spring Boot Kafka Streams app with {@code service-security} on its class path leaves its consumer group when its
 * context closes, on a real broker: the member is gone at once, so a restarted instance is given the partitions
 * without waiting for the old member's 45 s session timeout. The second test shows the default this replaces.
 */
@WithRealInfrastructure
class LeaveGroupOnCloseIT {

    private final String applicationId = "leave-group-on-close-it-" + UUID.randomUUID();
    private final String topic = applicationId + ".in";
    private Admin admin;

    @BeforeEach
    void createInputTopic() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LeadLoopInfrastructure.get().bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    @Test
    void aClosedServiceLeavesItsConsumerGroupAtOnce() {
        ConfigurableApplicationContext service = startAndAwaitItsMembership();

        service.close();

        // Well inside the 45 s session timeout: only a LeaveGroup removes the member this early.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(members()).isEmpty());
    }

    @Test
    void withoutItKafkaStreamsStaysInTheGroupAfterClose() throws Exception {
        ConfigurableApplicationContext service = startAndAwaitItsMembership(
                "--spring.autoconfigure.exclude=" + LeaveGroupOnCloseAutoConfiguration.class.getName());

        service.close();

        // Kafka Streams' own default: the coordinator keeps the closed member until its session times out.
        assertThat(members()).hasSize(1);
    }

    private ConfigurableApplicationContext startAndAwaitItsMembership(String... arguments) {
        ConfigurableApplicationContext service = new SpringApplicationBuilder(StreamsService.class)
                .web(WebApplicationType.NONE)
                .properties("spring.kafka.streams.application-id=" + applicationId, "it.topic=" + topic)
                .run(arguments);
        KafkaStreams streams = service.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(members()).hasSize(1));
        return service;
    }

    private Collection<MemberDescription> members() throws Exception {
        return admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId).members();
    }

    /**
     * The smallest service: Spring Boot's Kafka Streams set-up and one table with a store. Deliberately not a
     * {@code @Configuration}, so that the access tests' application, which scans io.leadloop.security, never picks it up.
     */
    @EnableAutoConfiguration
    @EnableKafkaStreams
    static class StreamsService {

        @Bean
        KTable<String, String> table(StreamsBuilder builder, Environment environment) {
            return builder.table(environment.getRequiredProperty("it.topic"),
                    Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("leave-group-on-close-it"));
        }
    }
}
