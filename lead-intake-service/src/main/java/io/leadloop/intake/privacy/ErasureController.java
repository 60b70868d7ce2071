package io.leadloop.intake.privacy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.schemas.privacy.PersonKeysUnavailableException;
import io.leadloop.security.Callers;

/**
 * {@code POST /api/v1/privacy/erasures}: forget a person (202 with the erasure id once their keys are shredded and
 * {@code PersonErased} is published); {@code GET /api/v1/privacy/erasures/{id}}: what an erasure did.
 *
 * <p>Access: with service-security checking callers, the {@code admin} role or an integration key
 * ({@code access.IntakeAccessRules}), and {@code requestedBy} is the caller's subject, whatever the body says.
 * Without it, the same {@code X-API-Key} as the JSON lead API when one is configured ({@code access.ApiKeyFilter}).
 */
@RestController
class ErasureController {

    static final URI INVALID_ERASURE = URI.create("https://leadloop.io/problems/invalid-erasure");
    static final URI UNKNOWN_ERASURE = URI.create("https://leadloop.io/problems/unknown-erasure");
    static final URI ERASURE_NOT_DONE = URI.create("https://leadloop.io/problems/erasure-not-done");

    private final Erasures erasures;
    private final Callers callers;

    ErasureController(Erasures erasures, ObjectProvider<Callers> callers) {
        this.erasures = erasures;
        this.callers = callers.getIfAvailable(Callers::open);
    }

    @PostMapping(path = "/api/v1/privacy/erasures", consumes = "application/json")
    ResponseEntity<Erasure> erase(@RequestBody ErasureRequest request) {
        // The audit event names who asked as authenticated, never as claimed.
        ErasureRequest asked = callers.current()
                .map(caller -> new ErasureRequest(request.email(), request.phone(), request.leadId(), caller.subject()))
                .orElse(request);
        Erasure erasure = erasures.erase(asked);
        return ResponseEntity.accepted().location(URI.create("/api/v1/privacy/erasures/" + erasure.erasureId()))
                .body(erasure);
    }

    @GetMapping("/api/v1/privacy/erasures/{erasureId}")
    ResponseEntity<?> erasure(@PathVariable String erasureId) {
        return erasures.erasure(erasureId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No erasure " + erasureId + " is known to this instance (it remembers its latest 10,000).");
            problem.setType(UNKNOWN_ERASURE);
            problem.setTitle("Unknown erasure");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
    }

    @ExceptionHandler(InvalidErasureException.class)
    ProblemDetail invalid(InvalidErasureException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.errors().stream()
                .map(error -> error.pointer() + " " + error.detail()).collect(Collectors.joining("; ")));
        problem.setType(INVALID_ERASURE);
        problem.setTitle("Invalid erasure request");
        List<Map<String, String>> errors = e.errors().stream()
                .map(error -> Map.of("pointer", error.pointer(), "detail", error.detail())).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({ErasureNotDoneException.class, PersonKeysUnavailableException.class})
    ResponseEntity<ProblemDetail> notDone(RuntimeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not acknowledge the erasure; ask again (erasing twice is harmless).");
        problem.setType(ERASURE_NOT_DONE);
        problem.setTitle("Erasure not done");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }
}
