package io.leadloop.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.leadloop.faults.OutputTail.DeadLetter;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;

/**
 * Records no LeadLoop consumer can read, written straight to every input topic under load: bytes that are not
 * our wire format at all, and our wire format with a schema id the registry never issued. Every Streams app that
 * reads the topic must park each of them on {@code <topic>.DLT} with the cause in headers and go on.
 */
final class Poison {

    /** Which Streams apps read each topic (each dead-letters on its own), from the services' READMEs. */
    static final Map<String, List<String>> READERS = new LinkedHashMap<>();

    static {
        READERS.put(OutputTail.CAPTURED, List.of("qualification", "feedback"));
        READERS.put(OutputTail.SCORED, List.of("handoff", "feedback"));
        READERS.put(OutputTail.HANDED_OFF, List.of("feedback"));
        READERS.put(OutputTail.FEEDBACK, List.of("qualification", "feedback"));
    }

    private record Sent(String kind, String topic, int partition, long offset) {
    }

    private Poison() {
    }

    static void inject(FaultContext context) throws Exception {
        List<Sent> sent = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, context.stack().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : READERS.keySet()) {
                for (Map.Entry<String, byte[]> poison : kinds().entrySet()) {
                    RecordMetadata written = producer.send(new ProducerRecord<>(topic,
                            "poison-" + UUID.randomUUID(), poison.getValue())).get();
                    sent.add(new Sent(poison.getKey(), topic, written.partition(), written.offset()));
                }
            }
        }
        context.healed();
        boolean all = FaultContext.await(Duration.ofSeconds(120),
                () -> sent.stream().allMatch(s -> deadLettered(context, s).size() >= READERS.get(s.topic()).size()));
        long parked = 0;
        for (Sent poison : sent) {
            List<DeadLetter> letters = deadLettered(context, poison);
            parked += letters.size();
            int expected = READERS.get(poison.topic()).size();
            if (letters.size() < expected) {
                context.fail("%s on %s (%d:%d) dead-lettered by %d of its %d readers %s".formatted(poison.kind(),
                        poison.topic(), poison.partition(), poison.offset(), letters.size(), expected,
                        READERS.get(poison.topic())));
            }
            for (DeadLetter letter : letters) {
                if (letter.header(DeadLetterTopicHandler.EXCEPTION_FQCN).isBlank()
                        || letter.header(DeadLetterTopicHandler.EXCEPTION_MESSAGE).isBlank()) {
                    context.fail("dead letter without its cause in headers: " + letter.headers().keySet());
                }
            }
        }
        context.note("%d poison records written, %d dead letters with cause%s; e.g. %s".formatted(sent.size(), parked,
                all ? "" : " (some missing)", example(context, sent)));
    }

    private static Map<String, byte[]> kinds() {
        Map<String, byte[]> kinds = new LinkedHashMap<>();
        kinds.put("not-avro", "{\"this\": \"is JSON, not Avro\"".getBytes(StandardCharsets.UTF_8));
        // Magic byte 0, then a schema id no registry issued, then a body.
        kinds.put("unknown-schema-id", ByteBuffer.allocate(13).put((byte) 0).putInt(2_000_000_017)
                .putLong(42L).array());
        return kinds;
    }

    private static List<DeadLetter> deadLettered(FaultContext context, Sent poison) {
        return context.tail().deadLetters().stream()
                .filter(d -> d.topic().equals(poison.topic() + ".DLT"))
                .filter(d -> d.header(DeadLetterTopicHandler.ORIGINAL_PARTITION).equals(Integer.toString(poison.partition())))
                .filter(d -> d.header(DeadLetterTopicHandler.ORIGINAL_OFFSET).equals(Long.toString(poison.offset())))
                .toList();
    }

    private static String example(FaultContext context, List<Sent> sent) {
        return sent.stream().flatMap(s -> deadLettered(context, s).stream()).findFirst()
                .map(d -> d.topic() + " " + d.header(DeadLetterTopicHandler.EXCEPTION_FQCN) + ": "
                        + abbreviate(d.header(DeadLetterTopicHandler.EXCEPTION_MESSAGE)))
                .orElse("none");
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
