package io.leadloop.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the token or API key says: the person ({@code sub}) or integration, their LeadLoop roles, and
 * for sales users the rep id and team they act as.
 *
 * @param subject the token's {@code sub}, or {@code api-key:<caller>} for an integration's key
 * @param roles the {@link Roles} granted
 * @param repId the {@code leadloop_rep_id} claim, or null
 * @param team the {@code leadloop_team} claim, or null
 */
public record Caller(String subject, Set<String> roles, String repId, String team) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        repId = blankToNull(repId);
        team = blankToNull(team);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /**
     * The object-level rule for one lead: {@code admin} and {@code integration} act on every lead, a
     * {@code sales-manager} on their team's leads, anyone linked to a rep on that rep's leads, nobody else.
     *
     * @param ownerRepId the rep who owns the lead now (null: nobody yet)
     * @param ownerTeam that rep's team (null: unknown)
     */
    public boolean mayActOnLeadOf(String ownerRepId, String ownerTeam) {
        if (hasAnyRole(Roles.ADMIN, Roles.INTEGRATION)) {
            return true;
        }
        if (hasRole(Roles.SALES_MANAGER) && team != null && team.equals(ownerTeam)) {
            return true;
        }
        return repId != null && repId.equals(ownerRepId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
