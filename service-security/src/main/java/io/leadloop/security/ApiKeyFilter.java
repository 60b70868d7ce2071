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
 * header goes on to the bearer-token check; one with a wrong key, or with several keys, is refused at once.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeyRing keys;
    private final AccessProblems problems;

    ApiKeyFilter(ApiKeyRing keys, AccessProblems problems) {
        this.keys = keys;
        this.problems = problems;
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
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new AccessProblems.InvalidApiKey());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication.ApiKey(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
