package io.leadloop.qualification.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.leadloop.security.AccessRules;
import io.leadloop.security.Roles;

/** Proposing and approving definitions needs a marketing or approver role; everything else any caller's. */
@Configuration(proxyBeanMethods = false)
public class QualificationAccessRules {

    @Bean
    AccessRules qualificationUrlRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/definitions/*/approvals")
                .hasAnyRole(Roles.MARKETING_APPROVER, Roles.SALES_APPROVER)
                .requestMatchers(HttpMethod.POST, "/api/v1/definitions")
                .hasAnyRole(Roles.MARKETING, Roles.MARKETING_APPROVER);
    }
}
