package io.leadloop.feedback.recording;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.feedback.FeedbackProperties;
import io.leadloop.feedback.recording.domain.FeedbackPolicy;

/** The feedback rules, set up from {@code leadloop.feedback.*}. */
@Configuration(proxyBeanMethods = false)
class FeedbackPolicyConfiguration {

    @Bean
    FeedbackPolicy feedbackPolicy(FeedbackProperties properties) {
        return new FeedbackPolicy(properties.requireAmountForWon(), properties.allowedClockSkew(), Clock.systemUTC());
    }
}
