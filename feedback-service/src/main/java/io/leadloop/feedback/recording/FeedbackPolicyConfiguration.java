package io.leadloop.feedback.recording;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.feedback.FeedbackProperties;
import io.leadloop.feedback.recording.domain.FeedbackPolicy;
import io.leadloop.feedback.recording.domain.ReasonTaxonomy;

/** The feedback rules, set up from {@code leadloop.feedback.*}. */
@Configuration(proxyBeanMethods = false)
class FeedbackPolicyConfiguration {

    @Bean
    ReasonTaxonomy reasonTaxonomy(FeedbackProperties properties) {
        return properties.reasons() == null || properties.reasons().isEmpty()
                ? ReasonTaxonomy.defaults()
                : new ReasonTaxonomy(properties.reasons());
    }

    @Bean
    FeedbackPolicy feedbackPolicy(FeedbackProperties properties, ReasonTaxonomy reasons) {
        return new FeedbackPolicy(properties.requireAmountForWon(), properties.allowedClockSkew(), Clock.systemUTC(),
                reasons);
    }
}
