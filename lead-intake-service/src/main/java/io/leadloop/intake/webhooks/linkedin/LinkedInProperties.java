package io.leadloop.intake.webhooks.linkedin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * LinkedIn-specific settings ({@code leadloop.intake.webhooks.linkedin.*}).
 *
 * @param apiVersion the {@code LinkedIn-Version} header (YYYYMM) sent with every API call; LinkedIn retires each
 *     version about a year after its release, so it is configuration rather than code
 */
@ConfigurationProperties("leadloop.intake.webhooks.linkedin")
record LinkedInProperties(@DefaultValue("202601") String apiVersion) {
}
