package io.leadloop.feedback.kafka;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.stereotype.Component;

import io.leadloop.schemas.streams.ReplaceFailedStreamThreads;

/** A stream thread that dies (say, a transaction timed out during a broker outage) is replaced, not fatal. */
@Component
class StreamThreadReplacement implements StreamsBuilderFactoryBeanConfigurer {

    @Override
    public void configure(StreamsBuilderFactoryBean factoryBean) {
        factoryBean.setStreamsUncaughtExceptionHandler(new ReplaceFailedStreamThreads());
    }
}
