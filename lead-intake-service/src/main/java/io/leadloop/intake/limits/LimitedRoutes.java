package io.leadloop.intake.limits;

import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which source a request counts against and how large its body may be: our JSON API ({@code /api/v1/leads},
 * its batch) is the source {@code api}; forms and webhooks name their source in the path. Everything else
 * (actuator, API docs) is not limited here.
 */
final class LimitedRoutes {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final PathPattern SINGLE_LEAD = PARSER.parse("/api/v1/leads");
    private static final PathPattern BATCH = PARSER.parse("/api/v1/leads/batch");
    private static final PathPattern FORM = PARSER.parse("/forms/{source}/**");
    private static final PathPattern WEBHOOK = PARSER.parse("/webhooks/{source}/**");

    private final long maxBodyBytes;
    private final long maxBatchBodyBytes;

    LimitedRoutes(long maxBodyBytes, long maxBatchBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBodyBytes = maxBatchBodyBytes;
    }

    /**
     * @param source the name whose rate limit applies
     * @param maxBodyBytes the body cap of this route
     */
    record Route(String source, long maxBodyBytes) {
    }

    Optional<Route> of(String path) {
        PathContainer container = PathContainer.parsePath(path);
        if (SINGLE_LEAD.matches(container)) {
            return Optional.of(new Route(RateLimits.API, maxBodyBytes));
        }
        if (BATCH.matches(container)) {
            return Optional.of(new Route(RateLimits.API, maxBatchBodyBytes));
        }
        for (PathPattern named : new PathPattern[] {FORM, WEBHOOK}) {
            var match = named.matchAndExtract(container);
            if (match != null) {
                return Optional.of(new Route(match.getUriVariables().get("source"), maxBodyBytes));
            }
        }
        return Optional.empty();
    }
}
