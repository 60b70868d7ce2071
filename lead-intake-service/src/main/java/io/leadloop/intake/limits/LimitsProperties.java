package io.leadloop.intake.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one intake instance takes before it refuses, so one runaway sender cannot starve the others. Every limit
 * is per instance: with n instances behind a load balancer a source may send up to n times its rate.
 *
 * @param maxBodySize largest body of one lead, an HTML form post or a webhook delivery ({@code 413} beyond)
 * @param maxBatchBodySize largest body of {@code POST /api/v1/leads/batch}
 * @param maxBatchItems most leads in one batch ({@code 413} beyond)
 * @param apiRequestsPerSecond sustained rate of our own JSON API (single and batch requests share it, as the
 *     source {@code api}); a burst of one second's worth is allowed; {@code 0} or less means unlimited
 */
@ConfigurationProperties("leadloop.intake.limits")
public record LimitsProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("5MB") DataSize maxBatchBodySize,
        @DefaultValue("500") int maxBatchItems,
        @DefaultValue("2000") int apiRequestsPerSecond) {
}
