package io.leadloop.qualification.definitions;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's approval of a definition version.
 *
 * @param approver who approved (as they claim until authentication exists, issue 9)
 * @param team {@code marketing} or {@code sales}
 * @param approvedAt when
 */
public record Approval(String approver, String team, Instant approvedAt) {

    public static final String MARKETING = "marketing";
    public static final String SALES = "sales";

    public Approval {
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }
}
