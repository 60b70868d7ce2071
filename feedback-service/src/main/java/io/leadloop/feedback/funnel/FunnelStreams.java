package io.leadloop.feedback.funnel;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.kafka.StreamsSerdeConfig;

/** Adds the {@link FunnelTopology} to the application's Kafka Streams. */
@Configuration(proxyBeanMethods = false)
class FunnelStreams {

    @Bean
    KTable<String, FunnelNumbers> funnelNumbers(StreamsBuilder builder, StreamsSerdeConfig serdeConfig) {
        return new FunnelTopology(serdeConfig.configs()).addTo(builder);
    }
}
