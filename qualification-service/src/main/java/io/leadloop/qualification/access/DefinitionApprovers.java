package io.leadloop.qualification.access;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.leadloop.qualification.definitions.Approval;
import io.leadloop.security.Caller;
import io.leadloop.security.Callers;
import io.leadloop.security.Roles;

/**
 * Who proposes or approves a lead definition. With access control on it is the token's subject, whatever the request
 * says, and approving for a team needs that team's approver role; with it off (a developer's machine) the name the
 * request gives is taken, as before authentication existed.
 */
@Component
public class DefinitionApprovers {

    private final Callers callers;

    DefinitionApprovers(Callers callers) {
        this.callers = callers;
    }

    /** The person acting: the token's {@code sub} when access control is on, else {@code declared} (may be null). */
    public String identity(String declared) {
        return callers.current().map(Caller::subject).orElse(declared);
    }

    /**
     * @param team {@code marketing} or {@code sales} (already validated)
     * @throws AccessDeniedException when access control is on and the caller lacks the team's approver role
     */
    public void checkMayApproveFor(String team) {
        if (!callers.enforced()) {
            return;
        }
        Optional<Caller> caller = callers.current();
        String role = Approval.MARKETING.equals(team) ? Roles.MARKETING_APPROVER
                : Approval.SALES.equals(team) ? Roles.SALES_APPROVER : null;
        if (role == null || caller.map(c -> !c.hasRole(role)).orElse(true)) {
            throw new AccessDeniedException("approving for " + team + " needs the role " + role);
        }
    }
}
