package io.leadloop.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Turns what Spring Security authenticated into a {@link Caller}; and the authentication of an API key. */
final class CallerAuthentication {

    private CallerAuthentication() {
    }

    /** An integration authenticated by its API key: role {@code integration}, nothing else. */
    static final class ApiKey extends AbstractAuthenticationToken {

        private final String caller;

        ApiKey(String caller) {
            super(List.of(new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + Roles.INTEGRATION)));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            // The key is not kept once checked.
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "api-key:" + caller;
        }
    }

    static Caller callerOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(Roles.AUTHORITY_PREFIX))
                .map(authority -> authority.substring(Roles.AUTHORITY_PREFIX.length()))
                .collect(Collectors.toSet());
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            return new Caller(jwt.getSubject() == null ? "" : jwt.getSubject(), roles,
                    jwt.getClaimAsString(Roles.REP_ID_CLAIM), jwt.getClaimAsString(Roles.TEAM_CLAIM));
        }
        if (authentication instanceof ApiKey key) {
            return new Caller((String) key.getPrincipal(), roles, null, null);
        }
        return null;
    }
}
