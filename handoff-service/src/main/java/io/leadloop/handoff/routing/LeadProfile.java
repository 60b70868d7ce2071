package io.leadloop.handoff.routing;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What routing looks at in a lead.
 *
 * @param domain the company's domain ({@code acme.io}), for account ownership; may be null
 * @param country ISO 3166-1 alpha-2; may be null
 * @param region a state or region code within the country ({@code CA}); may be null
 * @param employees company size, for the segment; may be null
 * @param requiredSkills {@code language:de}, {@code product:analytics}: a rep must have all of them
 */
public record LeadProfile(String domain, String country, String region, Integer employees,
        Set<String> requiredSkills) {

    public LeadProfile {
        domain = blankToNull(domain, false);
        country = blankToNull(country, true);
        region = blankToNull(region, true);
        requiredSkills = requiredSkills == null ? Set.of()
                : Set.copyOf(requiredSkills.stream().map(skill -> skill.strip().toLowerCase(Locale.ROOT)).toList());
    }

    public static LeadProfile anonymous() {
        return new LeadProfile(null, null, null, null, Set.of());
    }

    String territoryLabel() {
        return region == null ? country : country + "-" + region;
    }

    String skillsLabel() {
        return String.join(", ", new TreeSet<>(requiredSkills));
    }

    private static String blankToNull(String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return upper ? value.strip().toUpperCase(Locale.ROOT) : value.strip().toLowerCase(Locale.ROOT);
    }
}
