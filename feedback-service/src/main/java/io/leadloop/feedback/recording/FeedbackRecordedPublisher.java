package io.leadloop.feedback.recording;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.feedback.FeedbackProperties;
import io.leadloop.schemas.Topics;

/**
 * Publishes {@code FeedbackRecorded} keyed by lead id and returns only once Kafka acknowledged it (the producer
 * is configured with {@code acks=all} and idempotence), so a {@code 202} means the feedback is durable.
 */
@Component
class FeedbackRecordedPublisher {

    private static final Logger log = LoggerFactory.getLogger(FeedbackRecordedPublisher.class);

    private final KafkaTemplate<String, FeedbackRecorded> kafka;
    private final FeedbackProperties properties;

    FeedbackRecordedPublisher(KafkaTemplate<String, FeedbackRecorded> kafka, FeedbackProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    void publish(FeedbackRecorded event) {
        try {
            var result = kafka.send(Topics.FEEDBACK_RECORDED.name(), event.getLeadId(), event)
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.debug("Recorded feedback {} {} at {}-{}@{}", event.getOutcome(), event.getEventId(),
                    result.getRecordMetadata().topic(), result.getRecordMetadata().partition(),
                    result.getRecordMetadata().offset());
        } catch (ExecutionException e) {
            throw new PublishFailed("Kafka refused the feedback event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailed("Kafka did not acknowledge the feedback event within "
                    + properties.publishTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed("Interrupted while publishing the feedback event", e);
        }
    }
}
