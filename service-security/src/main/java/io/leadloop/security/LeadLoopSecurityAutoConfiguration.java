package io.leadloop.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Access control every service gets by depending on {@code service-security}: JWTs of the customer's identity
 * provider (Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} makes the decoder), roles from
 * {@code leadloop_roles}, API keys for integrations, problem+json refusals; the service adds its URL rules as an
 * {@link AccessRules} bean and object-level checks through {@link Callers}.
 *
 * <p>With neither a JWT decoder nor a key configured the APIs stay open, as the local runner, the benchmarks and
 * the fault suite need, and the service warns at start-up.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"},
        afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class LeadLoopSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LeadLoopSecurityAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Callers leadLoopCallers(ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties) {
        return new Callers(jwtDecoder.getIfAvailable() != null || properties.keyRing().configured());
    }

    /**
     * Nobody logs in with a password; an empty user store keeps Spring Boot from creating a user with a generated
     * password (and printing it).
     */
    @Bean
    @ConditionalOnMissingBean
    UserDetailsService leadLoopNoPasswordUsers() {
        return new InMemoryUserDetailsManager();
    }

    /**
     * No Micrometer observation per security filter. With an observation registry present, Spring Security wraps
     * each of the chain's ~12 filters in an observation of its own, on every request: the decorated chain was 11 % of
     * intake's CPU samples under load (bench/results/20261123-191718-intake-baseline.md). Switching the observations
     * off by name leaves the decorators in place; this setting removes them. {@code http.server.requests} still
     * times every request, 401 and 403 included.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings leadLoopNoSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The firewall's rejections (a path with %00, %2F, ..) as problems too, in open mode as well. */
    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    RequestRejectedHandler leadLoopRejectedRequests() {
        return new AccessProblems();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain leadLoopSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
            SecurityProperties properties, ObjectProvider<AccessRules> serviceRules, Callers callers)
            throws Exception {
        var problems = new AccessProblems();
        // Stateless APIs called with bearer tokens or keys: no session, no cookie, so nothing for CSRF to protect.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (!callers.enforced()) {
            log.warn("Access control is OFF: no JWT issuer (spring.security.oauth2.resourceserver.jwt.issuer-uri or "
                    + "jwk-set-uri) and no integration key (leadloop.security.api-keys.*) is configured, so every API "
                    + "of this service, the actuator included, is open to anyone who can reach its port. Fine on a "
                    + "developer's machine; configure an issuer before production (see docs/security-and-privacy.md).");
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }
        http.authorizeHttpRequests(requests -> {
            // The actuator stays on the service port (the local runner and the tests read /actuator/health there);
            // only health is public. A Prometheus scraper gets an integration key of its own.
            requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers("/actuator/prometheus").hasAnyRole(Roles.ADMIN, Roles.INTEGRATION)
                    .requestMatchers("/actuator", "/actuator/**").hasRole(Roles.ADMIN)
                    .requestMatchers("/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                            "/swagger-ui/**").permitAll();
            serviceRules.orderedStream().forEach(rules -> rules.apply(requests));
            requests.anyRequest().authenticated();
        });
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesFromClaim()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        ApiKeyRing keys = properties.keyRing();
        if (keys.configured()) {
            http.addFilterBefore(new ApiKeyFilter(keys), BearerTokenAuthenticationFilter.class);
        }
        log.info("Access control is on: JWTs {}, integration keys for {}", decoder != null ? "checked" : "not configured",
                properties.apiKeys().keySet());
        return http.build();
    }

    /** {@code leadloop_roles: ["sales", ...]} (or a space-separated string) becomes {@code ROLE_sales}, ... */
    static JwtAuthenticationConverter rolesFromClaim() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Roles.ROLES_CLAIM);
        authorities.setAuthorityPrefix(Roles.AUTHORITY_PREFIX);
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
