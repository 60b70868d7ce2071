package io.leadloop.feedback.access;

import org.springframework.stereotype.Component;

import io.leadloop.feedback.funnel.FunnelQueries;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.security.Callers;
import io.leadloop.security.Roles;

/** The object-level check of recording feedback: whose lead is it (the funnel knows its owner and team)? */
@Component
public class FeedbackAccess {

    private final Callers callers;
    private final FunnelQueries funnels;

    FeedbackAccess(Callers callers, FunnelQueries funnels) {
        this.callers = callers;
        this.funnels = funnels;
    }

    /**
     * Whether the caller may record feedback for this lead: always while access control is off; else the lead's
     * owner, their team's manager, admins and integrations. A lead not handed off yet has no owner, so only admins
     * and integrations may report on it (and then learn, as before, whether it was captured).
     */
    public boolean mayRecordFor(String leadId) {
        if (!callers.enforced()) {
            return true;
        }
        if (callers.current().map(caller -> caller.hasAnyRole(Roles.ADMIN, Roles.INTEGRATION)).orElse(false)) {
            return true;
        }
        return funnels.lead(leadId)
                .map((LeadFunnel lead) -> callers.mayActOnLeadOf(lead.ownerRepId(), lead.ownerTeam()))
                .orElse(false);
    }
}
