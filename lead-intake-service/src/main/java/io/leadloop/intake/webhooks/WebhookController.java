package io.leadloop.intake.webhooks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.intake.capture.Answers;
import io.leadloop.intake.sources.FieldMapper;
import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.sources.Sources;
import io.leadloop.intake.sources.UnknownSourceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * {@code POST /webhooks/{source}}: the one address every platform's webhook is pointed at. The source's configured
 * type picks the {@link WebhookReceiver}; the body is taken as raw bytes because signatures are over exactly those.
 */
@RestController
class WebhookController {

    private final Sources sources;
    private final Map<String, WebhookReceiver> receivers;

    WebhookController(Sources sources, List<WebhookReceiver> receivers) {
        this.sources = sources;
        this.receivers = receivers.stream().collect(Collectors.toUnmodifiableMap(WebhookReceiver::type,
                Function.identity()));
        // A mapping to a field we do not have is a configuration error: fail at startup, not on every delivery.
        sources.all().forEach((name, settings) -> {
            if (this.receivers.containsKey(settings.type())) {
                try {
                    new FieldMapper(Map.of(), settings.fieldMapping());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Lead source '" + name + "': " + e.getMessage(), e);
                }
            }
        });
    }

    @Operation(summary = "Receive a lead platform's webhook",
            description = "The configured source's type decides how the delivery is authenticated, read and answered. "
                    + "google-ads: google_key in the body (any case) must equal the source's secret; answers 200 {}. "
                    + "typeform: Typeform-Signature sha256=<base64 HMAC-SHA256 of the raw body>; answers 200. "
                    + "hubspot: X-HubSpot-Signature-v3 over method + URL + body + X-HubSpot-Request-Timestamp, at most "
                    + "maxSignatureAge old; a batch of events or a v3 form submission; answers 200 listing accepted "
                    + "and skipped events. A redelivery answers like the first delivery and publishes nothing new.")
    @ApiResponse(responseCode = "200", description = "Taken (durable on Kafka) or recognised as a repeat")
    @ApiResponse(responseCode = "400", description = "Malformed body or invalid lead (problem+json naming the field)")
    @ApiResponse(responseCode = "401", description = "Key, signature or timestamp did not check out; nothing taken")
    @ApiResponse(responseCode = "404", description = "No enabled webhook source of that name")
    @ApiResponse(responseCode = "503", description = "Kafka unavailable: retry after Retry-After; nothing taken")
    @PostMapping("/webhooks/{source}")
    ResponseEntity<Object> receive(
            @Parameter(description = "configured source name") @PathVariable String source,
            @RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers, HttpServletRequest request) {
        SourceSettings configured = sources.all().get(source);
        WebhookReceiver receiver = configured == null ? null : receivers.get(configured.type());
        if (receiver == null) {
            throw new UnknownSourceException(source);
        }
        SourceSettings settings = sources.require(source, receiver.type());
        return Answers.await(receiver.receive(new WebhookCall(source, settings, request.getMethod(), urlOf(request), headers, body)));
    }

    /**
     * The URL as the sender called it, as far as this server can tell: behind a TLS-terminating proxy the
     * container sees its own scheme and host unless forwarded headers are honoured
     * ({@code server.forward-headers-strategy}).
     */
    private static String urlOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }
}
