package io.leadloop.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's URL rules, declared as a bean in its {@code access} package. They apply only while access control is
 * on, after the shared ones ({@code /actuator/health} and the API docs public, the rest of {@code /actuator} for
 * {@code admin}) and before the final "everything else needs an authenticated caller".
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
