package io.leadloop.intake.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.security.AccessRules;
import io.leadloop.security.Roles;

/**
 * Intake's entry points guard themselves: the JSON API by its sources' keys ({@link ApiKeyFilter}), forms by CORS,
 * the honeypot and rate limits, webhooks by their platform's signature. So service-security leaves them public, and
 * what it adds here once an issuer or an integration key is configured is the actuator rule (health public, the
 * rest for admins), the erasure API for admins and integrations, and the log masking.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeAccessRules {

    @Bean
    AccessRules intakeUrlRules() {
        return requests -> requests
                .requestMatchers("/api/v1/leads", "/api/v1/leads/**", "/forms/**", "/webhooks/**").permitAll()
                // Forgetting a person is an operator's act (a DPO as admin, or a consent platform's integration
                // key), never a lead source's: a web form's key must not erase anyone.
                .requestMatchers("/api/v1/privacy/**").hasAnyRole(Roles.ADMIN, Roles.INTEGRATION);
    }
}
