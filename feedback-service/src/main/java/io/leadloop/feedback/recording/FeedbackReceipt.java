package io.leadloop.feedback.recording;

/**
 * What the caller gets back once the feedback is durable in Kafka.
 *
 * @param eventId the id of the published {@code FeedbackRecorded}, to correlate or de-duplicate
 */
public record FeedbackReceipt(String eventId, String leadId) {
}
