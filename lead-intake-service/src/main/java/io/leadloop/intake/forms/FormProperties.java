package io.leadloop.intake.forms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings common to every HTML form source ({@code leadloop.intake.forms}); each form's own settings are its
 * source's ({@code leadloop.intake.sources.<name>}: fieldMapping, campaignId, thankYouUrl, allowedOrigins,
 * requestsPerSecond).
 *
 * @param honeypotField a field hidden from people (CSS) that only bots fill in: a post with it filled is answered
 *     as if taken and publishes nothing. Not {@code website} by default, because real forms ask for a company's
 *     website.
 */
@ConfigurationProperties("leadloop.intake.forms")
public record FormProperties(@DefaultValue("_gotcha") String honeypotField) {
}
