package io.leadloop.security.problems;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * The part of problem handling every LeadLoop service shares: Spring MVC's own refusals (wrong media type, method,
 * unknown path, missing body, ...) answered as RFC 9457 problems with a LeadLoop {@code type}, and a body that is not
 * JSON of the expected shape as {@code 400 .../malformed-request}. A service's {@code @RestControllerAdvice} extends
 * this and keeps only the mappings of its own exceptions, built with {@link Problems}; it names a bad field of a body
 * with {@link JsonPointers#of}.
 */
public abstract class LeadLoopProblemHandler extends ResponseEntityExceptionHandler {

    /** {@link Problems#TYPE_BASE}, here too for the handlers that extend this. */
    public static final String TYPE_BASE = Problems.TYPE_BASE;

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
            problem.setType(Problems.type(name));
        }
    }

    /**
     * A body that is not JSON, or has a value of the wrong type: 400 {@code .../malformed-request}, naming the field
     * by JSON pointer when Jackson knows where it was (Spring's default says only "Failed to read request"). Intake
     * overrides it with its own {@code malformed-json}.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.type("malformed-request"),
                "Malformed request", "The request body is not valid JSON of the expected shape.");
        if (exception.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("pointer", JsonPointers.of(jackson.getPath()),
                    "detail", String.valueOf(jackson.getOriginalMessage()))));
        }
        return ResponseEntity.badRequest().body(problem);
    }
}
