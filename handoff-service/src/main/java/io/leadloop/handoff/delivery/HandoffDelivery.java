package io.leadloop.handoff.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.PersonalData;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.serde.AvroDeserializer;

/**
 * The connector's consumer loop: reads {@code leads.handed-off.v1} (committed records only), delivers each handoff
 * through {@link WebhookDeliverer} and commits its offset after it was delivered or dead-lettered. One thread,
 * one record at a time: a lead's next handoff is not sent before the previous one is settled, so per-lead order
 * (a lead's events share a partition) holds. A handoff that cannot be delivered, or read, goes to
 * {@code leads.handed-off.v1.DLT} with the cause in Spring Kafka's {@code kafka_dlt-*} headers plus
 * {@code leadloop_delivery-attempts}, and delivery goes on.
 */
@Component
@ConditionalOnProperty("leadloop.handoff.delivery.url")
class HandoffDelivery implements SmartLifecycle {

    static final String ATTEMPTS_HEADER = "leadloop_delivery-attempts";

    private static final Logger log = LoggerFactory.getLogger(HandoffDelivery.class);

    private final KafkaProperties kafka;
    private final DeliveryProperties properties;
    private final WebhookDeliverer deliverer;
    /** The CRM gets the contact in the clear, opened here; once the person is erased it gets none. */
    private final PersonalData personalData;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    HandoffDelivery(KafkaProperties kafka, DeliveryProperties properties, Clock clock, PersonalData personalData) {
        this.kafka = kafka;
        this.personalData = personalData;
        this.properties = properties;
        this.deliverer = new WebhookDeliverer(properties, clock, duration -> Thread.sleep(duration));
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = Thread.ofPlatform().name("handoff-delivery").start(this::run);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void run() {
        Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // One record per poll, and a poll interval longer than one record's worst case of attempts and waits.
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        consumerConfig.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, properties.worstCase().plusMinutes(1).toMillis()));
        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var values = new AvroDeserializer<>(LeadHandedOff.class);
        values.configure(consumerConfig, false);

        try (var reader = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
                var deadLetters = new KafkaProducer<>(producerConfig, new StringSerializer(),
                        new ByteArraySerializer())) {
            consumer = reader;
            reader.subscribe(List.of(Topics.LEADS_HANDED_OFF.name()));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    settle(record, values, deadLetters);
                    reader.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException stopping) {
            log.debug("Handoff delivery stopping");
        } catch (org.apache.kafka.common.errors.InterruptException | InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            log.error("Handoff delivery stopped: {}", unexpected.toString(), unexpected);
        } finally {
            consumer = null;
        }
    }

    private void settle(ConsumerRecord<String, byte[]> record, AvroDeserializer<LeadHandedOff> values,
            KafkaProducer<String, byte[]> deadLetters) throws InterruptedException {
        try (var ignored = MDC.putCloseable("leadId", record.key())) {
            LeadHandedOff handoff;
            try {
                handoff = values.deserialize(record.topic(), record.value());
            } catch (RuntimeException unreadable) {
                deadLetter(record, deadLetters, unreadable.getClass().getName(), unreadable.getMessage(), 0);
                return;
            }
            if (handoff == null) {
                return;
            }
            LeadHandedOff opened = LeadHandedOff.newBuilder(handoff).build();
            opened.setLead(personalData.opened(handoff.getLead()));
            WebhookDeliverer.Result result = deliverer.deliver(opened);
            if (result.delivered()) {
                log.info("Handoff {} delivered to {} (attempts: {})", handoff.getEventId(), properties.url().getHost(),
                        result.attempts());
            } else {
                deadLetter(record, deadLetters, "io.leadloop.handoff.delivery.DeliveryFailedException",
                        "Not delivered to " + properties.url() + " after " + result.attempts() + " attempt(s): "
                                + result.lastProblem(), result.attempts());
            }
        }
    }

    private static void deadLetter(ConsumerRecord<String, byte[]> record, KafkaProducer<String, byte[]> producer,
            String exception, String message, int attempts) {
        var deadLetter = new ProducerRecord<>(Topics.LEADS_HANDED_OFF.deadLetter(), null, record.key(),
                record.value());
        deadLetter.headers().add(DeadLetterTopicHandler.ORIGINAL_TOPIC, bytes(record.topic()))
                .add(DeadLetterTopicHandler.ORIGINAL_PARTITION, bytes(String.valueOf(record.partition())))
                .add(DeadLetterTopicHandler.ORIGINAL_OFFSET, bytes(String.valueOf(record.offset())))
                .add(DeadLetterTopicHandler.EXCEPTION_FQCN, bytes(exception))
                .add(DeadLetterTopicHandler.EXCEPTION_MESSAGE, bytes(String.valueOf(message)))
                .add(ATTEMPTS_HEADER, bytes(String.valueOf(attempts)));
        try {
            producer.send(deadLetter).get();
            log.warn("Handoff at {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                    message);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", interrupted);
        } catch (java.util.concurrent.ExecutionException failed) {
            // Not committed: the record is delivered again after a restart rather than lost.
            throw new IllegalStateException("Could not dead-letter a handoff: " + failed.getCause(), failed);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
