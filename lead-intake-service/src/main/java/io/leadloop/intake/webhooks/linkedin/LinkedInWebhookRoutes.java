package io.leadloop.intake.webhooks.linkedin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import io.leadloop.intake.fetching.WebhookRoutes;
import io.leadloop.intake.sources.Sources;

/**
 * {@code GET /webhooks/{source}?challengeCode=...} and {@code POST /webhooks/{source}} for sources of type
 * {@code linkedin} only (see {@link WebhookRoutes} for why these are functional routes).
 */
@Configuration(proxyBeanMethods = false)
class LinkedInWebhookRoutes {

    @Bean
    RouterFunction<ServerResponse> linkedInWebhookRouter(LinkedInWebhook webhook, Sources sources) {
        var linkedInSource = WebhookRoutes.sourceOfType(sources, LinkedInLeadFetcher.PLATFORM);
        return RouterFunctions.route()
                .GET(WebhookRoutes.PATH, linkedInSource, webhook::validate)
                .POST(WebhookRoutes.PATH, linkedInSource, webhook::receive)
                .build();
    }
}
