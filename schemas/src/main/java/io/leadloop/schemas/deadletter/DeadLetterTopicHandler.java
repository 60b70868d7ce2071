package io.leadloop.schemas.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadloop.schemas.Topic;

/**
 * Parks a record that a Kafka Streams app cannot read or process on {@code <source topic>.DLT}, with the cause in
 * headers, and lets the app go on (Kafka 4.2's KIP-1034 handler responses, so the dead letter is written in the
 * same transaction as the app's other output under exactly-once).
 *
 * <p>The headers use Spring Kafka's {@code DeadLetterPublishingRecoverer} names, so its tooling and ours read
 * dead letters from plain consumers and Streams apps alike. Configure it as both
 * {@code deserialization.exception.handler} and {@code processing.exception.handler}.
 */
public class DeadLetterTopicHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
    public static final String PROCESSOR_NODE = "leadloop_dlt-processor-node";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopicHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic follows from the source topic
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(
                List.of(deadLetter(context, record.key(), record.value(), record.headers(), exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        return ProcessingExceptionHandler.Response.resume(
                List.of(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception)));
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
            Headers originalHeaders, Exception exception) {
        String topic = context.topic() + Topic.DEAD_LETTER_SUFFIX;
        log.warn("Dead-lettering record {}-{}@{} to {} (node {}): {}", context.topic(), context.partition(),
                context.offset(), topic, context.processorNodeId(), exception.toString());
        Headers headers = new RecordHeaders(originalHeaders == null ? new RecordHeaders().toArray() : originalHeaders.toArray());
        headers.add(ORIGINAL_TOPIC, utf8(context.topic()));
        headers.add(ORIGINAL_PARTITION, utf8(Integer.toString(context.partition())));
        headers.add(ORIGINAL_OFFSET, utf8(Long.toString(context.offset())));
        headers.add(EXCEPTION_FQCN, utf8(rootCause(exception).getClass().getName()));
        headers.add(EXCEPTION_MESSAGE, utf8(String.valueOf(rootCause(exception).getMessage())));
        headers.add(EXCEPTION_STACKTRACE, utf8(stackTrace(exception)));
        if (context.processorNodeId() != null) {
            headers.add(PROCESSOR_NODE, utf8(context.processorNodeId()));
        }
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String stackTrace(Throwable exception) {
        var out = new StringWriter();
        exception.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() > 8_000 ? trace.substring(0, 8_000) : trace;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
