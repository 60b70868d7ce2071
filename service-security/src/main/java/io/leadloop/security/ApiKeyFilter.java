package io.leadloop.security;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates integrations by their key in {@code X-API-Key} (role {@code integration}). A request without the
 * header goes on to the bearer-token check. A wrong key (or several keys) leaves the request unauthenticated and
 * marked, so that a protected endpoint refuses it as {@code invalid-api-key}, while a public one is left to its own
 * checks (intake's JSON API takes its sources' keys in the same header).
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    /** Set when the presented key is nobody's; read by {@link AccessProblems} to say which credential failed. */
    static final String INVALID_KEY_ATTRIBUTE = ApiKeyFilter.class.getName() + ".invalid";

    private final ApiKeyRing keys;

    ApiKeyFilter(ApiKeyRing keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> presented = Collections.list(request.getHeaders(HEADER));
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var caller = presented.size() == 1 ? keys.callerOf(presented.getFirst()) : java.util.Optional.<String>empty();
        if (caller.isEmpty()) {
            request.setAttribute(INVALID_KEY_ATTRIBUTE, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication.ApiKey(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
