package io.leadloop.intake.batch;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.intake.capture.Answers;
import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.api.ApiExamples;
import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.limits.LimitsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/leads/batch}: many leads in one request, each judged on its own. The body is a JSON array
 * (not an envelope object), so an error's JSON pointer ({@code /1/email}) points into the request as sent.
 *
 * <p>Answers {@code 200} with per-item results rather than {@code 207 Multi-Status}: 207 is WebDAV's, defined with
 * an XML multistatus body, and a client must read the per-item statuses either way. The exception is a batch of
 * which nothing could be taken only because Kafka is unavailable: that is answered {@code 503} + Retry-After like a
 * single lead, so generic retry logic resends it.
 */
@RestController
class BatchController {

    static final URI NOT_A_BATCH = URI.create("https://leadloop.io/problems/not-a-batch");
    static final URI EMPTY_BATCH = URI.create("https://leadloop.io/problems/empty-batch");
    static final URI BATCH_TOO_LARGE = URI.create("https://leadloop.io/problems/batch-too-large");
    static final URI KAFKA_UNAVAILABLE = URI.create("https://leadloop.io/problems/kafka-unavailable");

    private final BatchItems items;
    private final BatchCapture capture;
    private final int maxItems;
    private final long retryAfterSeconds;

    BatchController(JsonMapper json, BatchCapture capture, LimitsProperties limits, IntakeProperties properties) {
        this.items = new BatchItems(json);
        this.capture = capture;
        this.maxItems = limits.maxBatchItems();
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
    }

    @Operation(summary = "Capture up to 500 leads in one request",
            description = "The body is a JSON array of leads, each exactly as POST /api/v1/leads takes one, plus an "
                    + "optional string `idempotencyKey` per item (the per-item Idempotency-Key; without it, an "
                    + "Idempotency-Key header on the batch gives item i the key `<header>#<i>`). All items are "
                    + "captured at once and each is judged on its own: valid items are taken even when others are "
                    + "invalid. Answers 200 with one result per item in request order: status 202 (taken, with "
                    + "leadId, touch, repeat), 400 (invalid, errors with JSON pointers into the batch such as "
                    + "/1/email; do not resend as is), 503 (Kafka unavailable: resend only these items after "
                    + "retryAfter seconds). A batch of which nothing could be taken because Kafka is unavailable is "
                    + "answered 503 + Retry-After as a whole. Items that share an email, phone or idempotency key "
                    + "are captured in order, so one person sent twice is one lead with two touches.")
    @ApiResponse(responseCode = "200", description = "Every item judged; see each item's status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchResult.class),
                    examples = @ExampleObject(name = "mixed", value = BATCH_RESULT_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "Not JSON, not an array, or an empty array",
            content = @Content(mediaType = "application/problem+json", examples = {
                    @ExampleObject(name = "empty", value = EMPTY_BATCH_EXAMPLE),
                    @ExampleObject(name = "malformed", value = ApiExamples.MALFORMED_JSON)}))
    @ApiResponse(responseCode = "413", description = "More than 500 leads, or a body over 5 MiB",
            content = @Content(mediaType = "application/problem+json", examples = {
                    @ExampleObject(name = "too many leads", value = BATCH_TOO_LARGE_EXAMPLE),
                    @ExampleObject(name = "body too large", value = ApiExamples.BODY_TOO_LARGE)}))
    @ApiResponse(responseCode = "503", description = "Kafka unavailable for every item: nothing was taken, resend after Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.KAFKA_UNAVAILABLE)))
    @PostMapping(path = "/api/v1/leads/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> capture(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = LeadSubmission.class), maxItems = 500),
                    examples = @ExampleObject(name = "two valid, one invalid", value = BATCH_EXAMPLE)))
            @RequestBody JsonNode body,
            @Parameter(description = "Makes the whole batch idempotent: item i gets the key `<this>#<i>` unless it "
                    + "carries its own `idempotencyKey`")
            @RequestHeader(name = "Idempotency-Key", required = false) String batchKey) {
        if (body == null || !body.isArray()) {
            return problem(HttpStatus.BAD_REQUEST, NOT_A_BATCH, "Not a batch",
                    "The body must be a JSON array of leads", null);
        }
        if (body.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, EMPTY_BATCH, "Empty batch",
                    "The batch has no leads", null);
        }
        if (body.size() > maxItems) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, BATCH_TOO_LARGE,
                    "Too many leads in one batch", "A batch takes at most " + maxItems + " leads; this one has "
                            + body.size() + ". Split it into several requests.", null);
        }
        BatchResult result = BatchResult.of(Answers.await(capture.captureAll(items.read(body, batchKey))));
        if (result.allUnavailable()) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, KAFKA_UNAVAILABLE, "Temporarily unable to take leads",
                    "No lead of the batch could be stored right now and none was taken; send the batch again "
                            + "after Retry-After seconds.", Long.toString(retryAfterSeconds));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }

    private ResponseEntity<Object> problem(HttpStatus status, URI type, String title,
            String detail, String retryAfter) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            problem.setProperty("maxItems", maxItems);
        }
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.body(problem);
    }

    static final String BATCH_EXAMPLE = """
            [
              {"email": "ana.silva@acme.io", "firstName": "Ana", "lastName": "Silva",
               "company": {"name": "Acme", "country": "US"}, "idempotencyKey": "crm-export-7-row-1"},
              {"email": "not-an-email", "firstName": "Bo"},
              {"phone": "+44 20 7946 0958", "firstName": "Cy", "source": {"campaignId": "spring-launch"}}
            ]""";

    static final String BATCH_RESULT_EXAMPLE = """
            {
              "accepted": 1, "rejected": 2, "retryable": 1,
              "results": [
                {"index": 0, "status": 202, "leadId": "1b4e28ba-2fa1-3ed2-883f-0e1f5a1c1f0b", "touch": 1, "repeat": false},
                {"index": 1, "status": 400, "type": "https://leadloop.io/problems/invalid-lead",
                 "errors": [{"pointer": "/1/email", "detail": "is not a valid email address"}]},
                {"index": 2, "status": 503, "type": "https://leadloop.io/problems/kafka-unavailable", "retryAfter": 5}
              ]
            }""";

    static final String EMPTY_BATCH_EXAMPLE = """
            {"type": "https://leadloop.io/problems/empty-batch", "title": "Empty batch", "status": 400,
             "detail": "The batch has no leads", "instance": "/api/v1/leads/batch"}""";

    static final String BATCH_TOO_LARGE_EXAMPLE = """
            {"type": "https://leadloop.io/problems/batch-too-large", "title": "Too many leads in one batch",
             "status": 413, "detail": "A batch takes at most 500 leads; this one has 501. Split it into several requests.",
             "instance": "/api/v1/leads/batch", "maxItems": 500}""";
}
