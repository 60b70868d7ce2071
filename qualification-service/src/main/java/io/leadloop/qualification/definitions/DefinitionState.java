package io.leadloop.qualification.definitions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A proposed definition version and how far it got: its document, who approved it, and when it became active.
 *
 * <p>The approval rule: a version becomes active once one marketing and one sales approver approved it. One
 * person approves a version at most once, so the two can never be the same person (asking a colleague from the
 * other team is the point).
 *
 * @param version the definition version
 * @param document the proposed JSON document
 * @param proposedBy who proposed it, if they said
 * @param proposedAt when
 * @param approvals every approval, oldest first
 * @param activatedAt when it became active; null while it waits for approvals
 */
public record DefinitionState(String version, String document, String proposedBy, Instant proposedAt,
        List<Approval> approvals, Instant activatedAt) {

    public DefinitionState {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(proposedAt, "proposedAt");
        approvals = List.copyOf(approvals);
    }

    public static DefinitionState proposed(DefinitionDocument document, String proposedBy, Instant at) {
        return new DefinitionState(document.version(), document.json(), proposedBy, at, List.of(), null);
    }

    public boolean activated() {
        return activatedAt != null;
    }

    /**
     * This version with one more approval, activated at {@code at} if that completes one marketing and one sales
     * approval.
     *
     * @throws IllegalArgumentException if the team is neither marketing nor sales, or the approver is blank
     * @throws ApprovalConflictException if the version is already active or this person already approved it
     */
    public DefinitionState approve(String approver, String team, Instant at) {
        if (approver == null || approver.isBlank()) {
            throw new IllegalArgumentException("approver must name who approves");
        }
        String normalisedTeam = team == null ? "" : team.trim().toLowerCase(Locale.ROOT);
        if (!normalisedTeam.equals(Approval.MARKETING) && !normalisedTeam.equals(Approval.SALES)) {
            throw new IllegalArgumentException("team must be marketing or sales");
        }
        String who = approver.trim();
        if (activated()) {
            throw new ApprovalConflictException(version, "Version '" + version + "' is already active");
        }
        for (Approval approval : approvals) {
            if (approval.approver().equalsIgnoreCase(who)) {
                throw new ApprovalConflictException(version, "'" + who + "' already approved version '" + version
                        + "' (for " + approval.team() + "); the other team's approval must come from someone else");
            }
        }
        List<Approval> more = new ArrayList<>(approvals);
        more.add(new Approval(who, normalisedTeam, at));
        boolean marketing = more.stream().anyMatch(a -> a.team().equals(Approval.MARKETING));
        boolean sales = more.stream().anyMatch(a -> a.team().equals(Approval.SALES));
        return new DefinitionState(version, document, proposedBy, proposedAt, more, marketing && sales ? at : null);
    }
}
