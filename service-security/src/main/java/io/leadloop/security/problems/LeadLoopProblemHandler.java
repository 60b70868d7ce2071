package io.leadloop.security.problems;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The part of problem handling every LeadLoop service shares: Spring MVC's own refusals (wrong media type, method,
 * unknown path, missing body, ...) answered as RFC 9457 problems with a LeadLoop {@code type}. A service's
 * {@code @RestControllerAdvice} extends this and keeps only the mappings of its own exceptions; it names a bad field of
 * a body with {@link JsonPointers#of}.
 */
public abstract class LeadLoopProblemHandler extends ResponseEntityExceptionHandler {

    /** Every LeadLoop problem type is this followed by a slug, e.g. {@code .../malformed-request}. */
    public static final String TYPE_BASE = "https://leadloop.io/problems/";

    private static final String ABOUT_BLANK = "about:blank";

    /**
     * Spring's own refusals come with {@code about:blank}; give each a stable type of ours, named after its status, so
     * every problem a client sees can be told apart by type.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            withStableType(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /**
     * Sets the type of a problem that has none (or {@code about:blank}) to {@code TYPE_BASE} and its status' name,
     * e.g. {@code .../unsupported-media-type}; a status with no name gets {@code .../http-<code>}. A problem that has a
     * type of its own keeps it.
     */
    public static void withStableType(ProblemDetail problem) {
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType().toString())) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            String name = status == null ? "http-" + problem.getStatus()
                    : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
            problem.setType(URI.create(TYPE_BASE + name));
        }
    }
}
