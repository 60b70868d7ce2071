package io.leadloop.security;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as can be: one rule per kind of caller, and an object-level check through {@link Callers}. */
@SpringBootApplication
class AccessTestApplication {

    @Bean
    AccessRules testRules() {
        return requests -> requests
                .requestMatchers("/webhooks/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/approvals").hasRole(Roles.MARKETING_APPROVER)
                .requestMatchers("/leads/**").hasAnyRole(Roles.SALES, Roles.SALES_MANAGER, Roles.ADMIN,
                        Roles.INTEGRATION);
    }

    @RestController
    static class TestController {

        private final Callers callers;

        TestController(Callers callers) {
            this.callers = callers;
        }

        @GetMapping("/numbers")
        Map<String, Object> numbers() {
            return Map.of("caller", callers.current().map(Caller::subject).orElse("nobody"));
        }

        @PostMapping("/approvals")
        Map<String, Object> approve() {
            return Map.of("approver", callers.current().map(Caller::subject).orElse("nobody"));
        }

        @PostMapping("/webhooks/crm")
        Map<String, Object> webhook() {
            return Map.of("received", true);
        }

        /** Lead "l-ana" belongs to rep-ana of inbound-emea. */
        @GetMapping("/leads/{id}")
        org.springframework.http.ResponseEntity<Map<String, Object>> lead(@PathVariable String id) {
            if (!id.equals("l-ana") || !callers.mayActOnLeadOf("rep-ana", "inbound-emea")) {
                return org.springframework.http.ResponseEntity.notFound().build();
            }
            return org.springframework.http.ResponseEntity.ok(Map.of("leadId", id));
        }
    }
}
