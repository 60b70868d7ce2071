package io.leadloop.intake.access;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.security.Callers;
import io.leadloop.intake.limits.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Our JSON API ({@code /api/v1/leads} and its batch) takes leads only from callers that present a source's key in
 * {@code X-API-Key}. Runs before the rate and size limits, so an unknown caller cannot spend a source's budget.
 * Forms and webhooks are not checked here: forms are public by nature (CORS and the honeypot guard them) and
 * webhooks carry their platform's signature.
 *
 * <p>Without any {@code api} source key configured the API is open, as in a developer's local setup; the service
 * says so loudly at start-up. Production configuration sets {@code LEADLOOP_INTAKE_API_KEY}.
 */
@Component
@Order(ApiKeyFilter.ORDER)
class ApiKeyFilter extends OncePerRequestFilter {

    /** Before the limits filter ({@code HIGHEST_PRECEDENCE + 20}), after character encoding and observation. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;
    static final String HEADER = "X-API-Key";
    /** Request attribute naming the source whose key was presented. */
    public static final String SOURCE_ATTRIBUTE = ApiKeyFilter.class.getName() + ".source";

    static final URI MISSING = URI.create("https://leadloop.io/problems/missing-api-key");
    static final URI INVALID = URI.create("https://leadloop.io/problems/invalid-api-key");
    static final URI AMBIGUOUS = URI.create("https://leadloop.io/problems/ambiguous-api-key");

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final MeterRegistry meters;
    /** Whether service-security checks callers: then it, not a source's key, guards the erasure API. */
    private final boolean callersChecked;

    @Autowired
    ApiKeyFilter(IntakeProperties properties, MeterRegistry meters, ObjectProvider<Callers> callers) {
        this(ApiKeys.of(properties.sources()), meters, callers.getIfAvailable(Callers::open).enforced());
    }

    ApiKeyFilter(ApiKeys keys, MeterRegistry meters) {
        this(keys, meters, false);
    }

    ApiKeyFilter(ApiKeys keys, MeterRegistry meters, boolean callersChecked) {
        this.keys = keys;
        this.meters = meters;
        this.callersChecked = callersChecked;
        if (!keys.configured()) {
            log.warn("No API key is configured for any source of type 'api': POST /api/v1/leads is open to anyone "
                    + "who can reach this port. Set LEADLOOP_INTAKE_API_KEY (see README, 'Access').");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !keys.configured() || HttpMethod.OPTIONS.matches(request.getMethod())
                || !(path.equals("/api/v1/leads") || path.startsWith("/api/v1/leads/")
                        // Erasure requests: a source's key while callers are not checked (better than open);
                        // once they are, IntakeAccessRules asks for admin or integration instead.
                        || (!callersChecked && path.startsWith("/api/v1/privacy/")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> presented = Collections.list(request.getHeaders(HEADER));
        if (presented.isEmpty()) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, MISSING, "API key missing",
                    "Send your source's API key in the " + HEADER + " header.");
            return;
        }
        if (presented.size() > 1) {
            refuse(request, response, HttpStatus.BAD_REQUEST, AMBIGUOUS, "More than one API key",
                    "Send exactly one " + HEADER + " header.");
            return;
        }
        var source = keys.sourceOf(presented.getFirst().strip());
        if (source.isEmpty()) {
            // Never echo the key, nor say how close it was.
            refuse(request, response, HttpStatus.UNAUTHORIZED, INVALID, "API key not valid",
                    "The " + HEADER + " presented is not a key of any source; it may have been rotated out.");
            return;
        }
        request.setAttribute(SOURCE_ATTRIBUTE, source.get());
        meters.counter("leadloop.intake.api.authenticated", "source", source.get()).increment();
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            String title, String detail) throws IOException {
        meters.counter("leadloop.intake.api.refused", "reason", type.getPath().substring("/problems/".length()))
                .increment();
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"");
        }
        ProblemResponses.write(request, response, status, type, title, detail,
                Map.of("errors", List.of(Map.of("pointer", "#/headers/" + HEADER, "detail", title))));
    }
}
