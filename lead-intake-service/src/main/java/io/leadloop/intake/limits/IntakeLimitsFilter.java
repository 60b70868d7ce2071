package io.leadloop.intake.limits;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Refuses before any work is done: a source over its rate ({@code 429} + {@code Retry-After}), a body whose
 * Content-Length is over the route's cap ({@code 413}); and bounds the bytes actually read, for bodies that do not
 * say their length or say it wrongly. Runs once per request (not again on the async dispatch that writes the
 * answer). CORS preflights ({@code OPTIONS}) are not counted: they are the browser's, not the sender's.
 */
@Component
@Order(IntakeLimitsFilter.ORDER)
class IntakeLimitsFilter extends OncePerRequestFilter {

    /** After character encoding and observation (so refusals are observed), before anything reads the body. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final RateLimits rateLimits;
    /**
     * Decodes the path as UTF-8 (RFC 3986), never by the body's declared charset: Spring's default helper throws
     * {@code IllegalCharsetNameException} (a 500) on {@code Content-Type: ...; charset=}.
     */
    private static final UrlPathHelper PATHS = new UrlPathHelper() {
        @Override
        protected String determineEncoding(HttpServletRequest request) {
            return java.nio.charset.StandardCharsets.UTF_8.name();
        }
    };

    private final LimitedRoutes routes;
    private final MeterRegistry meters;

    IntakeLimitsFilter(RateLimits rateLimits, LimitsProperties limits, MeterRegistry meters) {
        this.rateLimits = rateLimits;
        this.routes = new LimitedRoutes(limits.maxBodySize().toBytes(), limits.maxBatchBodySize().toBytes());
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var route = routes.of(PATHS.getPathWithinApplication(request)).orElse(null);
        if (route == null || HttpMethod.OPTIONS.matches(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        var admission = rateLimits.admit(route.source());
        if (!admission.admitted()) {
            refused(route, "rate-limited");
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
            ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, LimitProblems.RATE_LIMITED,
                    "Too many requests",
                    "Source '" + route.source() + "' is limited to " + rateLimits.rateOf(route.source())
                            + " requests per second on this instance; retry after Retry-After seconds.",
                    Map.of("source", route.source(), "requestsPerSecond", rateLimits.rateOf(route.source())));
            return;
        }
        if (!decodable(request.getCharacterEncoding())) {
            // Spring decodes paths by the body's charset and fails with a 500 on one like "charset=" (empty).
            refused(route, "unsupported-charset");
            ProblemResponses.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, LimitProblems.UNSUPPORTED_CHARSET,
                    "Unsupported charset", "The body's charset '" + request.getCharacterEncoding()
                            + "' is not one this service can read; send UTF-8.", Map.of());
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > route.maxBodyBytes()) {
            refused(route, "body-too-large");
            ProblemResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, LimitProblems.BODY_TOO_LARGE,
                    "Request body too large", LimitProblems.bodyTooLargeDetail(route.maxBodyBytes()),
                    Map.of("maxBytes", route.maxBodyBytes()));
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, route.maxBodyBytes()), response);
    }

    private static boolean decodable(String charset) {
        try {
            return charset == null || java.nio.charset.Charset.isSupported(charset);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    private void refused(LimitedRoutes.Route route, String reason) {
        meters.counter("leadloop.intake.requests.refused", "source",
                rateLimits.isKnown(route.source()) ? route.source() : "unknown", "reason", reason).increment();
    }
}
