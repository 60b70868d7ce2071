package io.leadloop.handoff.assignment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.HandoffWithheld;
import io.leadloop.events.LeadEscalated;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadRecycled;
import io.leadloop.events.LeadScored;
import io.leadloop.events.RepRosterChanged;
import io.leadloop.events.SlaBreached;
import io.leadloop.events.SlaReminderDue;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.serde.AvroSerde;
import io.leadloop.testsupport.MutableClock;

/**
 * The handoff topology in a {@code TopologyTestDriver} with the serde's {@code mock://} registry, a wall clock the
 * test moves ({@link #advance}), and its input and output topics.
 */
final class HandoffDriver implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<String, LeadScored> scored;
    final TestInputTopic<String, byte[]> scoredRaw;
    final TestInputTopic<String, FeedbackRecorded> feedback;
    final TestInputTopic<String, RepRosterChanged> roster;
    final TestInputTopic<String, io.leadloop.events.PersonErased> erased;
    final TestOutputTopic<String, LeadHandedOff> handedOff;
    final TestOutputTopic<String, SlaReminderDue> reminders;
    final TestOutputTopic<String, SlaBreached> breaches;
    final TestOutputTopic<String, LeadEscalated> escalations;
    final TestOutputTopic<String, LeadRecycled> recycled;
    final TestOutputTopic<String, HandoffWithheld> withheld;
    /** What the processors counted ({@link HandoffMeters}). */
    final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    private final MutableClock clock;
    private final Map<String, Object> serdeConfig;

    HandoffDriver(HandoffRules rules, MutableClock clock, Path stateDir) {
        // In-memory stores: the logic is the same, and the driver's commit per wall-clock step stays cheap.
        this(rules, clock, stateDir, "mock://handoff-topology-" + UUID.randomUUID(), Stores::inMemoryKeyValueStore);
    }

    HandoffDriver(HandoffRules rules, MutableClock clock, Path stateDir, String registry,
            Function<String, KeyValueBytesStoreSupplier> stores) {
        this.clock = clock;
        this.serdeConfig = Map.of("schema.registry.url", registry);
        var builder = new StreamsBuilder();
        HandoffTopology.addTo(builder, rules, serdeConfig, stores, io.leadloop.schemas.privacy.PersonalData.plaintextOnly(),
                meters);

        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "handoff-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class);
        driver = new TopologyTestDriver(builder.build(), props, clock.instant());

        scored = input(Topics.LEADS_SCORED);
        scoredRaw = driver.createInputTopic(Topics.LEADS_SCORED.name(), new StringSerializer(),
                new ByteArraySerializer());
        feedback = input(Topics.FEEDBACK_RECORDED);
        roster = input(Topics.HANDOFF_ROSTER);
        erased = input(Topics.PERSONS_ERASED);
        handedOff = output(Topics.LEADS_HANDED_OFF);
        reminders = output(Topics.LEADS_SLA_REMINDERS);
        breaches = output(Topics.LEADS_SLA_BREACHED);
        escalations = output(Topics.LEADS_ESCALATED);
        recycled = output(Topics.LEADS_RECYCLED);
        withheld = output(Topics.LEADS_HANDOFF_WITHHELD);
    }

    /** Moves the service's clock and the driver's wall clock together, firing due punctuations every second. */
    void advance(Duration duration) {
        advance(duration, Duration.ofSeconds(1));
    }

    /** Like {@link #advance(Duration)}, punctuating every {@code step} (for long waits where seconds do not matter). */
    void advance(Duration duration, Duration step) {
        for (Duration left = duration; !left.isZero() && !left.isNegative(); left = left.minus(step)) {
            Duration next = left.compareTo(step) < 0 ? left : step;
            clock.advance(next);
            driver.advanceWallClockTime(next);
        }
    }

    /** Moves both clocks in one jump (a punctuation fires once, after the jump). */
    void jump(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    Instant now() {
        return clock.instant();
    }

    void pipe(LeadScored lead) {
        scored.pipeInput(lead.getLeadId(), lead);
    }

    void pipe(FeedbackRecorded recorded) {
        feedback.pipeInput(recorded.getLeadId(), recorded);
    }

    void pipe(RepRosterChanged change) {
        roster.pipeInput(change.getRepId(), change);
    }

    List<LeadHandedOff> handoffs() {
        return handedOff.readValuesToList();
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    private <T extends SpecificRecord> TestInputTopic<String, T> input(Topic<T> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(),
                AvroSerde.forValuesOf(topic, serdeConfig).serializer());
    }

    private <T extends SpecificRecord> TestOutputTopic<String, T> output(Topic<T> topic) {
        return driver.createOutputTopic(topic.name(), new StringDeserializer(),
                AvroSerde.forValuesOf(topic, serdeConfig).deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
