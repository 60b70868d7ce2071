package io.leadloop.intake.fetching;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.sources.Sources;
import io.leadloop.security.problems.Problems;

/**
 * What the notification webhooks share. Every webhook lives at {@code /webhooks/{source}} and the configured
 * source's {@code type} picks the adapter, so each adapter is a functional route whose predicate matches only
 * sources of its own type: adapters of other types can serve the same path without an ambiguous mapping (the
 * functional routes are consulted before annotated controllers, and a route that does not match falls through).
 * Refusals thrown from the handlers still become problem details through the service's {@code @ControllerAdvice}.
 */
public final class WebhookRoutes {

    public static final String PATH = "/webhooks/{source}";

    private static final PathPattern PATTERN = PathPatternParser.defaultInstance.parse(PATH);

    private WebhookRoutes() {
    }

    /** Requests to {@code /webhooks/{source}} for a configured source of this type (enabled or not). */
    public static RequestPredicate sourceOfType(Sources sources, String type) {
        return request -> sourceName(request)
                .map(name -> sources.all().get(name))
                .map(SourceSettings::type)
                .filter(type::equals)
                .isPresent();
    }

    public static Optional<String> sourceName(ServerRequest request) {
        PathContainer path = request.requestPath().pathWithinApplication();
        return Optional.ofNullable(PATTERN.matchAndExtract(path)).map(info -> info.getUriVariables().get("source"));
    }

    /**
     * A refusal as RFC 9457 problem details naming what failed.
     *
     * @param slug the stable problem type, {@code https://leadloop.io/problems/<slug>}
     * @param pointer the query parameter, header or JSON pointer that failed
     */
    public static ServerResponse problem(HttpStatus status, String slug, String title, String detail, String pointer) {
        var problem = Problems.problem(status, Problems.type(slug), title, detail);
        problem.setProperty("errors", List.of(Map.of("pointer", pointer, "detail", detail)));
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
