package io.leadloop.intake.limits;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.leadloop.intake.api.ApiExamples;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents the refusals of {@link IntakeLimitsFilter} ({@code 413}, {@code 429} + Retry-After) on every operation it
 * guards, so the controllers need not repeat them and a new webhook endpoint gets them too.
 */
@Component
class LimitsApiDocumentation implements OpenApiCustomizer {

    private static final List<String> LIMITED = List.of("/api/v1/leads", "/forms/", "/webhooks/");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (LIMITED.stream().noneMatch(path::startsWith)) {
                return;
            }
            item.readOperations().forEach(operation -> {
                operation.getResponses().putIfAbsent("413", problem(
                        "Body over the endpoint's cap (1 MiB; a batch 5 MiB)", ApiExamples.BODY_TOO_LARGE)
                        .headers(null));
                operation.getResponses().putIfAbsent("429", problem(
                        "Over the source's rate on this instance (the JSON API: source `api`); retry after Retry-After",
                        ApiExamples.RATE_LIMITED)
                        .headers(Map.of("Retry-After", new Header().description("seconds").schema(new IntegerSchema()))));
            });
        });
    }

    private static ApiResponse problem(String description, String example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().addExamples("problem",
                        new Example().value(JSON.readValue(example, Map.class)))));
    }
}
