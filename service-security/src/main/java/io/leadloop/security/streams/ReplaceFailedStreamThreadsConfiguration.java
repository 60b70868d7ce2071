package io.leadloop.security.streams;

import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import io.leadloop.schemas.streams.ReplaceFailedStreamThreads;

/**
 * A stream thread that dies (say, a transaction timed out during a broker outage) is replaced, not fatal: see
 * {@link ReplaceFailedStreamThreads}. Qualification, handoff and feedback {@code @Import} it next to their
 * {@code @EnableKafkaStreams}.
 *
 * <p>Deliberately not an auto-configuration (unlike {@link LeaveGroupOnCloseAutoConfiguration}): intake's Streams
 * app runs only a global store, whose thread cannot be replaced, and intake's own {@code IdentityStoresRecovery}
 * watches for that client's {@code ERROR} state to restart it. Nor a {@code @Configuration}, so no component scan of
 * {@code io.leadloop.security} picks it up by accident (Spring's "lite" mode still processes its {@code @Bean}).
 */
public class ReplaceFailedStreamThreadsConfiguration {

    @Bean
    StreamsBuilderFactoryBeanConfigurer leadLoopReplaceFailedStreamThreads() {
        return factoryBean -> factoryBean.setStreamsUncaughtExceptionHandler(new ReplaceFailedStreamThreads());
    }
}
