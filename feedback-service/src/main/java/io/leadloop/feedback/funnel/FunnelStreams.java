package io.leadloop.feedback.funnel;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.feedback.funnel.domain.CampaignFunnel;
import io.leadloop.feedback.kafka.StreamsSerdeConfig;

/** Adds the {@link FunnelTopology} to the application's Kafka Streams. */
@Configuration(proxyBeanMethods = false)
class FunnelStreams {

    @Bean
    KTable<String, CampaignFunnel> campaignFunnels(StreamsBuilder builder, StreamsSerdeConfig serdeConfig) {
        return new FunnelTopology(serdeConfig.configs()).addTo(builder);
    }
}
