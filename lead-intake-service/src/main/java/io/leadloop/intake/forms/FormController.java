package io.leadloop.intake.forms;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.intake.capture.Answers;
import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.api.ApiExamples;
import io.leadloop.intake.capture.CaptureResult;
import io.leadloop.intake.capture.Delivery;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.identity.KnownLeadsUnavailableException;
import io.leadloop.intake.lead.InvalidLeadException;
import io.leadloop.intake.publishing.LeadNotPublishedException;
import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.sources.Sources;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * {@code POST /forms/{source}}: an HTML form posted straight from a web page (urlencoded or multipart), for a
 * source of type {@code form}. A browser is redirected ({@code 303 See Other}) to the source's thank-you page, told
 * the outcome by query parameters ({@code leadId}, or {@code error}); a script asking for JSON gets the same answers
 * as our JSON API ({@code 202}, {@code 400}/{@code 503} problem details). A source with no thank-you page always
 * answers JSON.
 */
@RestController
class FormController {

    static final String INVALID_LEAD = "invalid-lead";
    static final String TEMPORARILY_UNAVAILABLE = "temporarily-unavailable";

    private final Sources sources;
    private final FormLeads leads;
    private final LeadIntake intake;
    private final MeterRegistry meters;
    private final long retryAfterSeconds;

    FormController(Sources sources, FormProperties forms, IntakeProperties properties, LeadIntake intake,
            MeterRegistry meters) {
        this.sources = sources;
        this.leads = new FormLeads(sources.all(), forms.honeypotField());
        this.intake = intake;
        this.meters = meters;
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
        sources.all().forEach((name, settings) -> {
            if (FormLeads.TYPE.equals(settings.type()) && settings.thankYouUrl() != null) {
                // A thank-you URL we could not redirect to should stop the start, not a lead.
                FormAnswers.withQuery(settings.thankYouUrl(), Map.of("leadId", "x"));
            }
        });
    }

    @Operation(summary = "Capture a lead from an HTML form post",
            description = "For sources of type `form` (`leadloop.intake.sources.<source>`). Fields are mapped by "
                    + "common names (email, phone, first_name/firstname, last_name, name/full_name, company, "
                    + "job_title/title, country, utm_*, gclid, fbclid, li_fat_id, msclkid, consent/marketing_consent, "
                    + "landing_page, ...) plus the source's `fieldMapping`; unmapped fields are kept as attributes; "
                    + "file parts are not stored. The source's `campaignId` applies when the form names none; the "
                    + "hidden `landing_page` field, else the Referer, is the landing page (UTM and click ids are read "
                    + "from it). A browser gets 303 See Other to the source's `thankYouUrl` with `?leadId=...`, or on "
                    + "failure `?error=invalid-lead&fields=email,phone` / `?error=temporarily-unavailable&retryAfter=5`. "
                    + "A client sending `Accept: application/json` (or a source without thankYouUrl) gets 202 JSON, "
                    + "400 / 503 problem details. A filled honeypot field (`_gotcha` by default) is answered as a "
                    + "success and publishes nothing. Cross-origin posts only from the source's `allowedOrigins`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                            schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                            examples = @ExampleObject(name = "demo request", value = FORM_EXAMPLE)),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE))}))
    @ApiResponse(responseCode = "303", description = "Browser: taken (or refused), on to the thank-you page",
            headers = @Header(name = "Location", description = "thankYouUrl?leadId=... or thankYouUrl?error=...",
                    schema = @Schema(type = "string", example = "https://acme.io/thanks?leadId=1b4e28ba-2fa1-3ed2-883f-0e1f5a1c1f0b")))
    @ApiResponse(responseCode = "202", description = "JSON client: taken and durable",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaptureResult.class),
                    examples = @ExampleObject(value = ApiExamples.ACCEPTED)))
    @ApiResponse(responseCode = "400", description = "JSON client: invalid fields (pointers name our lead fields)",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.INVALID_LEAD)))
    @ApiResponse(responseCode = "403", description = "Cross-origin post from an origin not in the source's allowedOrigins",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No enabled form source of that name",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.UNKNOWN_SOURCE)))
    @ApiResponse(responseCode = "503", description = "JSON client: Kafka unavailable, nothing taken; resend after Retry-After",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.KAFKA_UNAVAILABLE)))
    @PostMapping(path = "/forms/{source}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<Object> submit(
            @Parameter(description = "the configured form source", example = "spring-demo") @PathVariable String source,
            HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.REFERER, required = false) String referer) throws IOException {
        SourceSettings settings = sources.require(source, FormLeads.TYPE);
        boolean json = settings.thankYouUrl() == null || FormAnswers.wantsJson(accept);
        Map<String, String> fields = PostedFields.of(request);
        if (leads.isSpam(fields)) {
            meters.counter("leadloop.intake.forms.spam", "source", source).increment();
            return taken(settings, json, new CaptureResult(decoyLeadId(), 1, false));
        }
        var delivery = new Delivery(source, leads.toSubmission(source, settings, fields, referer),
                Optional.empty(), Optional.empty(), false);
        CompletableFuture<CaptureResult> captured;
        try {
            captured = intake.capture(delivery);
        } catch (RuntimeException refusedAtOnce) {
            captured = CompletableFuture.failedFuture(refusedAtOnce);
        }
        captured = captured.thenApply(result -> {
            meters.counter("leadloop.intake.leads.accepted", "source", source,
                    "repeat", Boolean.toString(result.repeat())).increment();
            return result;
        });
        if (json) {
            // Refusals go to the problem-details advice, exactly as for POST /api/v1/leads.
            return Answers.await(captured.thenApply(result -> taken(settings, true, result)));
        }
        return Answers.await(captured.handle((result, failure) -> failure == null ? taken(settings, false, result)
                : refusedInBrowser(settings, unwrap(failure))));
    }

    private static ResponseEntity<Object> taken(SourceSettings settings, boolean json, CaptureResult result) {
        if (json) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(result);
        }
        return seeOther(settings, Map.of("leadId", result.leadId()));
    }

    private ResponseEntity<Object> refusedInBrowser(SourceSettings settings, Throwable failure) {
        var query = new LinkedHashMap<String, String>();
        switch (failure) {
            case InvalidLeadException invalid -> {
                meters.counter("leadloop.intake.leads.rejected", "reason", "invalid").increment();
                query.put("error", INVALID_LEAD);
                query.put("fields", invalid.problems().stream().map(p -> p.pointer().substring(1)).distinct()
                        .collect(Collectors.joining(",")));
            }
            case LeadNotPublishedException e -> unavailable(query);
            case KnownLeadsUnavailableException e -> unavailable(query);
            default -> throw new CompletionException(failure);
        }
        return seeOther(settings, query);
    }

    private void unavailable(Map<String, String> query) {
        meters.counter("leadloop.intake.leads.rejected", "reason", "kafka-unavailable").increment();
        query.put("error", TEMPORARILY_UNAVAILABLE);
        query.put("retryAfter", Long.toString(retryAfterSeconds));
    }

    private static ResponseEntity<Object> seeOther(SourceSettings settings, Map<String, String> query) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(FormAnswers.withQuery(settings.thankYouUrl(), query)).build();
    }

    /** What a bot is told: shaped like a real lead id, so it cannot tell it was caught. */
    private static String decoyLeadId() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return UUID.nameUUIDFromBytes(random).toString();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static final String FORM_EXAMPLE = "email=ana.silva%40acme.io&first_name=Ana&last_name=Silva"
            + "&company=Acme&job_title=VP+Marketing&country=US&phone=%2B1+415+555+0100&marketing_consent=on"
            + "&landing_page=https%3A%2F%2Facme.io%2Fdemo%3Futm_source%3Dgoogle%26gclid%3DCj0KCQ"
            + "&budget=10k-50k&_gotcha=";
}
