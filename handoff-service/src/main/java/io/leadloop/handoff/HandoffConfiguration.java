package io.leadloop.handoff;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.handoff.assignment.HandoffRules;
import io.leadloop.handoff.consent.ConsentProperties;
import io.leadloop.handoff.routing.LeadRouter;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.sla.SlaPolicy;

/** The domain objects, built once from configuration so that a bad roster or SLA fails the startup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsentProperties.class)
class HandoffConfiguration {

    /** The configured roster (the API's changes overlay it). */
    @Bean
    RepRoster repRoster(HandoffProperties properties) {
        return properties.roster();
    }

    @Bean
    SlaPolicy slaPolicy(HandoffProperties properties) {
        return properties.slaPolicy();
    }

    @Bean
    HandoffRules handoffRules(HandoffProperties properties, RepRoster roster, SlaPolicy sla, Clock clock,
            ConsentProperties consent) {
        return new HandoffRules(roster.reps(), new LeadRouter(), sla, properties.escalation().ladder(), clock,
                properties.escalation().timerInterval(), consent.rule());
    }

    /** Handoff time and so the SLA clock start: UTC wall-clock, a bean so tests can pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
