package io.leadloop.feedback.recording;

/** Kafka did not acknowledge the event in time; the caller should retry, nothing was promised. */
public class PublishFailed extends RuntimeException {

    public PublishFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
