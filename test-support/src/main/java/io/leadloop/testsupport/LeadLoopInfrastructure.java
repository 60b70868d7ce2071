package io.leadloop.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (in-JVM KRaft, from spring-kafka-test) and one real schema registry (Apicurio, as a
 * process) per test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Shared per JVM because each costs seconds to start; tests stay independent by using fresh topics, ids and
 * consumer groups. Spring tests pick the addresses up from the system properties this sets.
 */
public final class LeadLoopInfrastructure {

    /** The property Spring Boot reads for the brokers. */
    public static final String BOOTSTRAP_SERVERS_PROPERTY = "spring.kafka.bootstrap-servers";
    /** Confluent's config name, passed to every Kafka client by Spring Boot's {@code spring.kafka.properties.*}. */
    public static final String SCHEMA_REGISTRY_URL_PROPERTY = "spring.kafka.properties.schema.registry.url";
    /** Kafka Streams state from an earlier run would not match this run's fresh broker: each JVM gets its own. */
    public static final String STREAMS_STATE_DIR_PROPERTY = "spring.kafka.streams.state-dir";

    private static volatile LeadLoopInfrastructure instance;

    private final EmbeddedKafkaKraftBroker broker;
    private final ApicurioRegistry registry;

    private LeadLoopInfrastructure(EmbeddedKafkaKraftBroker broker, ApicurioRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** The running infrastructure, started on the first call. */
    public static LeadLoopInfrastructure get() {
        if (instance == null) {
            synchronized (LeadLoopInfrastructure.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public String schemaRegistryUrl() {
        return registry.confluentApiUrl();
    }

    public EmbeddedKafkaKraftBroker broker() {
        return broker;
    }

    private static LeadLoopInfrastructure start() {
        var broker = new EmbeddedKafkaKraftBroker(1, 3);
        // Exactly-once needs the transaction log; one broker can only replicate it once.
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        var registry = ApicurioRegistry.start();
        var infrastructure = new LeadLoopInfrastructure(broker, registry);
        System.setProperty(BOOTSTRAP_SERVERS_PROPERTY, infrastructure.bootstrapServers());
        System.setProperty(SCHEMA_REGISTRY_URL_PROPERTY, infrastructure.schemaRegistryUrl());
        try {
            System.setProperty(STREAMS_STATE_DIR_PROPERTY,
                    java.nio.file.Files.createTempDirectory("leadloop-streams-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            broker.destroy();
        }, "leadloop-test-infrastructure-stop"));
        return infrastructure;
    }
}
