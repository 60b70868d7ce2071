package io.leadloop.intake.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.lead.LeadValidator;

@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    LeadValidator leadValidator(IntakeProperties properties, java.time.Clock clock) {
        return new LeadValidator(properties.defaultPhoneRegion(), clock);
    }
}
