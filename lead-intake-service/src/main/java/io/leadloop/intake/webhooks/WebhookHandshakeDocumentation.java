package io.leadloop.intake.webhooks;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the subscription handshakes of Meta and LinkedIn ({@code GET /webhooks/{source}}): they are served by
 * functional routes (so they can share the path with the annotated POST handler), which springdoc does not see.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookHandshakeDocumentation implements OpenApiCustomizer {

    static final String PATH = "/webhooks/{source}";

    @Override
    public void customise(OpenAPI openApi) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(PATH);
        if (item == null) {
            item = new PathItem();
            openApi.path(PATH, item);
        }
        item.setGet(new Operation()
                .summary("Webhook subscription handshake (Meta Lead Ads, LinkedIn Lead Sync)")
                .description("Meta: `hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` answers the challenge as "
                        + "text/plain when the token is the source's verify-token (403 otherwise). LinkedIn: "
                        + "`challengeCode=…` answers `{\"challengeCode\", \"challengeResponse\"}` where the response "
                        + "is the hex HMAC-SHA256 of the code with the client secret.")
                .addTagsItem("webhooks")
                .addParametersItem(new Parameter().in("path").name("source").required(true)
                        .description("the configured source's name").schema(new StringSchema()))
                .addParametersItem(query("hub.mode", "Meta: always `subscribe`"))
                .addParametersItem(query("hub.verify_token", "Meta: the source's verify-token"))
                .addParametersItem(query("hub.challenge", "Meta: echoed back on success"))
                .addParametersItem(query("challengeCode", "LinkedIn: the code to sign"))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("The challenge answer")
                                .content(new Content()
                                        .addMediaType("text/plain", new MediaType().schema(new StringSchema()))
                                        .addMediaType("application/json", new MediaType())))
                        .addApiResponse("403", new ApiResponse().description("Wrong verify token, or no secret configured"))
                        .addApiResponse("404", new ApiResponse().description("No enabled source of that name"))));
    }

    private static Parameter query(String name, String description) {
        return new Parameter().in("query").name(name).required(false).description(description)
                .schema(new StringSchema());
    }
}
