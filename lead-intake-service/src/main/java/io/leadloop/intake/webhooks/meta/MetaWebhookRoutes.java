package io.leadloop.intake.webhooks.meta;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import io.leadloop.intake.fetching.WebhookRoutes;
import io.leadloop.intake.sources.Sources;

/**
 * {@code GET /webhooks/{source}?hub.mode=...} and {@code POST /webhooks/{source}} for sources of type
 * {@code meta} only (see {@link WebhookRoutes} for why these are functional routes).
 */
@Configuration(proxyBeanMethods = false)
class MetaWebhookRoutes {

    @Bean
    RouterFunction<ServerResponse> metaWebhookRouter(MetaWebhook webhook, Sources sources) {
        var metaSource = WebhookRoutes.sourceOfType(sources, MetaLeadFetcher.PLATFORM);
        return RouterFunctions.route()
                .GET(WebhookRoutes.PATH, metaSource, webhook::verifySubscription)
                .POST(WebhookRoutes.PATH, metaSource, webhook::receive)
                .build();
    }
}
