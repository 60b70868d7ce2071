package io.leadloop.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Gives an integration test's application context a Kafka Streams application id and state directory nobody else
 * has. Put it on every {@code @SpringBootTest} of intake.
 *
 * <p>Why: with the defaults of {@code application.yml} (id {@code leadloop-intake}, state in
 * {@code ${java.io.tmpdir}/leadloop/intake}) two cached contexts in one JVM join one consumer group on the shared
 * test broker and split the identity stores' partitions between them, and two contexts (or two builds on one
 * machine) fight over one RocksDB directory's lock: a context whose stores never come up answers 503.
 * {@code ${random.uuid}} is resolved once per context, when Spring Boot binds {@code spring.kafka.*}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = {
        "spring.kafka.streams.application-id=leadloop-intake-it-${random.uuid}",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/leadloop-intake-it-${random.uuid}"})
public @interface IsolatedKafkaStreams {
}
