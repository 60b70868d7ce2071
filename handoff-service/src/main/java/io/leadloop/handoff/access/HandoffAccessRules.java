package io.leadloop.handoff.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.leadloop.security.AccessRules;
import io.leadloop.security.Roles;

/** The roster is run by admins (and sales managers for their team); handoffs and queues are read by sales. */
@Configuration(proxyBeanMethods = false)
public class HandoffAccessRules {

    @Bean
    AccessRules handoffUrlRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/v1/reps/*/queue")
                .hasAnyRole(Roles.SALES, Roles.SALES_MANAGER, Roles.ADMIN, Roles.INTEGRATION)
                .requestMatchers("/api/v1/reps", "/api/v1/reps/**").hasAnyRole(Roles.ADMIN, Roles.SALES_MANAGER)
                .requestMatchers(HttpMethod.GET, "/api/v1/handoffs/**")
                .hasAnyRole(Roles.SALES, Roles.SALES_MANAGER, Roles.ADMIN, Roles.INTEGRATION);
    }
}
