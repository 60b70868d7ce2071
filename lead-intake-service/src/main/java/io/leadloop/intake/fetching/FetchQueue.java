package io.leadloop.intake.fetching;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import io.leadloop.intake.publishing.LeadNotPublishedException;

/**
 * Where a webhook puts the leads a platform notified: one record per lead on
 * {@link FetchTopics#LEAD_NOTIFICATIONS}, acknowledged by Kafka (acks=all) before the webhook answers 200. From then
 * on the lead cannot be lost: the platform will not send it again, but the record stays until a fetch succeeded or
 * the notification is parked on the dead-letter topic. Nothing is held in this JVM's memory.
 *
 * <p>Uses the service's producer settings (acks=all, idempotence, timeouts) with String serializers: the value is
 * intake's own small JSON, not a published event, so it needs no schema.
 */
@Component
public class FetchQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FetchQueue.class);

    private final KafkaTemplate<String, String> kafka;
    private final FetchProperties properties;

    @SuppressWarnings("unchecked")
    public FetchQueue(ProducerFactory<?, ?> producerFactory, FetchProperties properties) {
        // Deliberately not a KafkaTemplate bean: one would make Spring Boot back off from the service's own template.
        this.kafka = new KafkaTemplate<>((ProducerFactory<String, String>) producerFactory, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        this.properties = properties;
    }

    /**
     * Puts every notification on the queue and returns once Kafka acknowledged all of them.
     *
     * @throws LeadNotPublishedException when Kafka did not acknowledge them in time (answered 503 + Retry-After,
     *     so the platform sends the notification again)
     */
    public void enqueue(List<LeadNotification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        String leadIds = String.join(",", notifications.stream().map(LeadNotification::leadId).toList());
        try {
            CompletableFuture<?>[] sends = notifications.stream()
                    .map(n -> kafka.send(FetchTopics.LEAD_NOTIFICATIONS, n.leadId(), n.toJson()))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(sends).get(properties.enqueueTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Queued {} notified lead(s) for fetching: {}", notifications.size(), leadIds);
        } catch (ExecutionException e) {
            throw notQueued(leadIds, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // The producer refuses synchronously when it cannot get metadata within max.block.ms.
            throw notQueued(leadIds, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notQueued(leadIds, e);
        }
    }

    private static LeadNotPublishedException notQueued(String leadIds, Throwable cause) {
        log.warn("Notified lead(s) {} not acknowledged by Kafka: {}", leadIds, cause.toString());
        return new LeadNotPublishedException(leadIds, cause);
    }

    /** Also forwards notifications to the retry and dead-letter topics, with the same guarantees. */
    KafkaTemplate<String, String> template() {
        return kafka;
    }

    @Override
    public void destroy() throws Exception {
        if (kafka.getProducerFactory() instanceof DisposableBean copy) {
            copy.destroy();
        }
    }
}
