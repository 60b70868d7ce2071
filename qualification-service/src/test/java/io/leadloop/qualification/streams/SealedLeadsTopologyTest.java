package io.leadloop.qualification.streams;

import static io.leadloop.qualification.streams.LeadEvents.anAcmeVpWhoAskedForADemo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadScored;
import io.leadloop.events.PersonErased;
import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.PendingOutcome;
import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.ScoringThresholds;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.privacy.ContactSeal;
import io.leadloop.schemas.privacy.PersonalData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Issue 9: scoring reads a sealed contact through {@link PersonalData}; PersonErased forgets the person's features. */
class SealedLeadsTopologyTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stateDir;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final Map<String, Object> serdeConfig = Map.of("schema.registry.url",
            "mock://sealed-leads-topology-" + UUID.randomUUID());
    private final QualificationSerdes serdes = QualificationSerdes.from(serdeConfig);
    private TopologyTestDriver driver;
    private TestInputTopic<String, LeadCaptured> captured;
    private TestInputTopic<String, PersonErased> erased;
    private TestOutputTopic<String, LeadScored> scored;

    @BeforeEach
    void startTopology() {
        var builder = new StreamsBuilder();
        new QualificationTopology(
                BuiltinLeadDefinition.create("builtin-1", ScoringThresholds.DEFAULT, BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS),
                BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS, serdes,
                Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry(),
                QualificationTopologyTest.LEARNING, new PersonalData(keyId -> Optional.ofNullable(keys.get(keyId))))
                .addTo(builder);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sealed-leads-topology-test");
        // A directory of its own: two builds on one machine must not share (and lock) RocksDB state.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class.getName());
        props.putAll(serdeConfig);
        driver = new TopologyTestDriver(builder.build(), props);
        captured = driver.createInputTopic(Topics.LEADS_CAPTURED.name(), new StringSerializer(), serdes.captured().serializer());
        erased = driver.createInputTopic(Topics.PERSONS_ERASED.name(), new StringSerializer(), serdes.erased().serializer());
        scored = driver.createOutputTopic(Topics.LEADS_SCORED.name(), new StringDeserializer(), serdes.scored().deserializer());
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void scoresASealedLeadAsItsPlaintextAndPublishesItStillSealed() {
        LeadCaptured sealed = sealed(anAcmeVpWhoAskedForADemo("lead-1", "spring-launch").build(), "p-1:k");

        captured.pipeInput("lead-1", sealed);

        LeadScored event = scored.readValue();
        assertThat(event.getScore()).as("the VP of acme.io scores 90 in plaintext").isEqualTo(90);
        assertThat(event.getLead().getEmail()).isNull();
        assertThat(event.getLead().getJobTitle()).isNull();
        assertThat(event.getLead().getSealedContact()).isEqualTo(sealed.getLead().getSealedContact());
    }

    @Test
    void scoresALeadWhosePersonWasErasedWithoutTheirContact() {
        LeadCaptured sealed = sealed(anAcmeVpWhoAskedForADemo("lead-2", "spring-launch").build(), "p-2:k");
        keys.remove("p-2:k");

        captured.pipeInput("lead-2", sealed);

        assertThat(scored.readValue().getScore()).as("no job title and no email domain to score").isLessThan(90);
    }

    @Test
    void forgetsTheErasedPersonsFeaturesAndKeepsTheLeadsOwn() {
        captured.pipeInput("lead-3", sealed(anAcmeVpWhoAskedForADemo("lead-3", "spring-launch").build(), "p-3:k"));
        KeyValueStore<String, LeadLearningState> learning = driver.getKeyValueStore(QualificationTopology.LEAD_LEARNING_STORE);
        assertThat(learning.get("lead-3").features()).anySatisfy(f -> assertThat(f).startsWith("jobTitle="));

        erased.pipeInput("lead-3", PersonErased.newBuilder().setEventId("e-1").setOccurredAt(Instant.now())
                .setErasureId("erasure-1").setPersonId("p-3").setLeadIds(List.of("lead-3"))
                .setRequestedAt(Instant.now()).setRequestedBy("test").build());

        assertThat(learning.get("lead-3").features()).noneSatisfy(f -> assertThat(f).startsWith("jobTitle="))
                .contains("company.industry=software");
    }

    @Test
    void keepsTheOutcomesPendingForAnErasedLeadNotScoredYet() {
        KeyValueStore<String, LeadLearningState> learning = driver.getKeyValueStore(QualificationTopology.LEAD_LEARNING_STORE);
        learning.put("lead-4", LeadLearningState.pendingOnly(new PendingOutcome("WON", null, null)));

        erased.pipeInput("lead-4", PersonErased.newBuilder().setEventId("e-2").setOccurredAt(Instant.now())
                .setErasureId("erasure-2").setPersonId("p-4").setLeadIds(List.of("lead-4"))
                .setRequestedAt(Instant.now()).setRequestedBy("test").build());

        assertThat(learning.get("lead-4").pending()).containsExactly(new PendingOutcome("WON", null, null));
        assertThat(learning.get("lead-4").scored()).isFalse();
    }

    private LeadCaptured sealed(LeadCaptured plaintext, String keyId) {
        SecretKey key = keys.computeIfAbsent(keyId, id -> ContactSeal.newKey());
        plaintext.setLead(PersonalData.sealed(plaintext.getLead(), keyId.substring(0, keyId.indexOf(':')), keyId, key));
        return plaintext;
    }
}
