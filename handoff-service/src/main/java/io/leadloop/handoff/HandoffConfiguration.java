package io.leadloop.handoff;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.routing.RoundRobinRouter;
import io.leadloop.handoff.sla.SlaPolicy;

/** The domain objects, built once from configuration so that a bad roster or SLA fails the startup. */
@Configuration(proxyBeanMethods = false)
class HandoffConfiguration {

    @Bean
    RepRoster repRoster(HandoffProperties properties) {
        return properties.roster();
    }

    @Bean
    RoundRobinRouter roundRobinRouter(RepRoster roster) {
        return new RoundRobinRouter(roster);
    }

    @Bean
    SlaPolicy slaPolicy(HandoffProperties properties) {
        return properties.slaPolicy();
    }

    /** Handoff time and so the SLA clock start: UTC wall-clock, a bean so tests can pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
