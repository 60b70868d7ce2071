package io.leadloop.feedback.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.leadloop.security.AccessRules;
import io.leadloop.security.Roles;

/** Feedback comes from sales and integrations; the numbers and the scoreboard are for every authenticated caller. */
@Configuration(proxyBeanMethods = false)
public class FeedbackAccessRules {

    @Bean
    AccessRules feedbackUrlRules() {
        return requests -> requests
                // HubSpot and Salesforce sign their deliveries; those controllers check the signature.
                .requestMatchers("/api/v1/crm/**").permitAll()
                // The scoreboard page is static (no data); the data it polls, /api/v1/scoreboard, needs a caller.
                .requestMatchers(HttpMethod.GET, "/scoreboard", "/scoreboard/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/leads/*/feedback")
                .hasAnyRole(Roles.SALES, Roles.SALES_MANAGER, Roles.INTEGRATION, Roles.ADMIN);
    }
}
