package io.leadloop.security.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import io.leadloop.schemas.streams.ReplaceFailedStreamThreads;

/** What qualification, handoff and feedback get by importing {@link ReplaceFailedStreamThreadsConfiguration}. */
class ReplaceFailedStreamThreadsConfigurationTest {

    @Test
    void givesTheStreamsFactoryBeanTheThreadReplacingHandler() {
        new ApplicationContextRunner()
                .withUserConfiguration(ReplaceFailedStreamThreadsConfiguration.class)
                .run(context -> {
                    var factoryBean = new StreamsBuilderFactoryBean();
                    context.getBeansOfType(StreamsBuilderFactoryBeanConfigurer.class).values()
                            .forEach(configurer -> configurer.configure(factoryBean));

                    assertThat(handlerOf(factoryBean)).isInstanceOf(ReplaceFailedStreamThreads.class);
                });
    }

    /** Spring Kafka exposes no getter; the field is what {@code start()} hands to Kafka Streams. */
    private static StreamsUncaughtExceptionHandler handlerOf(StreamsBuilderFactoryBean factoryBean) throws Exception {
        Field field = StreamsBuilderFactoryBean.class.getDeclaredField("streamsUncaughtExceptionHandler");
        field.setAccessible(true);
        return (StreamsUncaughtExceptionHandler) field.get(factoryBean);
    }
}
