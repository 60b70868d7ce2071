package io.leadloop.security.problems;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The pieces every LeadLoop problem (RFC 9457) is made of, for the services' {@code @RestControllerAdvice}s and for
 * the filters that answer before Spring MVC: one base for every {@code type} URI, so a client can rely on the
 * prefix, and the same status / type / title / detail and {@code Retry-After} everywhere.
 */
public final class Problems {

    /** Every LeadLoop problem type is this followed by a slug, e.g. {@code .../malformed-request}. */
    public static final String TYPE_BASE = "https://leadloop.io/problems/";

    private Problems() {
    }

    /** The stable type URI of a slug: {@code https://leadloop.io/problems/<slug>}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** A problem with its status, stable type, title and (optional) detail; add properties such as errors after. */
    public static ProblemDetail problem(HttpStatusCode status, URI type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /**
     * The answer for a fault the caller should wait out (a {@code 503}): the problem with {@code Retry-After} in whole
     * seconds, at least 1.
     */
    public static ResponseEntity<ProblemDetail> retryAfter(ProblemDetail problem, Duration retryAfter) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(problem);
    }
}
