package io.leadloop.handoff;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadloop.events.Priority;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.sla.SlaPolicy;

/**
 * Our settings under {@code leadloop.handoff}. Converted into the domain's {@link RepRoster} and {@link SlaPolicy}
 * at startup, whose constructors reject an empty roster, duplicate rep ids or non-positive SLAs, so a bad
 * configuration stops the service instead of misrouting leads.
 *
 * @param reps the roster round robin walks, in order
 * @param sla time to first touch per priority tier
 */
@ConfigurationProperties("leadloop.handoff")
public record HandoffProperties(List<Rep> reps, @DefaultValue Sla sla) {

    public HandoffProperties {
        reps = reps == null ? List.of() : List.copyOf(reps);
    }

    public RepRoster roster() {
        return new RepRoster(reps);
    }

    public SlaPolicy slaPolicy() {
        return new SlaPolicy(sla.timeToFirstTouch(), sla.fallback());
    }

    /**
     * @param timeToFirstTouch per tier ({@code HOT: PT15M}); plain wall-clock in the skeleton
     * @param fallback for tiers without an entry
     */
    public record Sla(Map<Priority, Duration> timeToFirstTouch, @DefaultValue("PT24H") Duration fallback) {

        public Sla {
            timeToFirstTouch = timeToFirstTouch == null ? Map.of() : Map.copyOf(timeToFirstTouch);
        }
    }
}
