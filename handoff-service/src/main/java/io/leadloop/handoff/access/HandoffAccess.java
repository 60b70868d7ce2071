package io.leadloop.handoff.access;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.leadloop.handoff.assignment.HandoffLookup.Handoff;
import io.leadloop.handoff.roster.RosterService;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.security.Caller;
import io.leadloop.security.Callers;
import io.leadloop.security.Roles;

/**
 * The object-level checks of the handoff API. Refusing to show a handoff answers like an unknown lead (the caller
 * must not learn that the lead exists); refusing a queue or a roster change is a plain {@code 403}.
 */
@Component
public class HandoffAccess {

    private final Callers callers;
    private final RosterService roster;

    HandoffAccess(Callers callers, RosterService roster) {
        this.callers = callers;
        this.roster = roster;
    }

    /** Whether the caller may see this handoff: its current owner's, their manager's, or everyone's. */
    public boolean maySee(Handoff handoff) {
        String owner = handoff.state() != null ? handoff.state().ownerRepId() : handoff.handedOff().getOwnerRepId();
        String team = handoff.state() != null ? handoff.state().ownerTeam() : handoff.handedOff().getOwnerTeam();
        if (team == null) {
            team = roster.current().find(owner).map(Rep::team).orElse(null);
        }
        return callers.mayActOnLeadOf(owner, team);
    }

    /** @throws AccessDeniedException unless the caller is this rep, their team's manager, an admin or integration */
    public void checkMaySeeQueueOf(Rep rep) {
        if (!callers.mayActOnLeadOf(rep.id(), rep.team())) {
            throw new AccessDeniedException("not this rep's queue");
        }
    }

    /**
     * @param existing the rep as the roster has it now, if any
     * @param changed the rep as it will be (null for a removal)
     * @throws AccessDeniedException unless an admin, or a sales manager whose team the rep is in before and after
     */
    public void checkMayChange(Optional<Rep> existing, Rep changed) {
        Optional<Caller> caller = callers.current();
        if (!callers.enforced() || caller.map(c -> c.hasRole(Roles.ADMIN)).orElse(false)) {
            return;
        }
        boolean managesTeam = caller.filter(c -> c.hasRole(Roles.SALES_MANAGER) && c.team() != null)
                .map(c -> existing.map(rep -> c.team().equals(rep.team())).orElse(true)
                        && (changed == null || c.team().equals(changed.team())))
                .orElse(false);
        if (!managesTeam) {
            throw new AccessDeniedException("not a rep of the caller's team");
        }
    }

    /** Who the roster change is audited as: the token's subject when access control is on, else the header. */
    public String actor(String declared) {
        return callers.current().map(Caller::subject)
                .orElse(declared == null || declared.isBlank() ? "api" : declared.strip());
    }
}
