package io.leadloop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a real Kafka broker and a real schema registry
 * (see {@link LeadLoopInfrastructure}). Place it before {@code @SpringBootTest} so the addresses exist when the
 * application context is built.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RealInfrastructureExtension.class)
public @interface WithRealInfrastructure {
}
