package io.leadloop.handoff.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Routes a lead to a rep by rules evaluated in order, and explains every rule:
 *
 * <ol>
 * <li><b>Account ownership</b>: a rep who owns the lead's company domain gets it, unless away (out of office,
 * full, daily cap reached; being off work does not count: the SLA clock waits for their opening);</li>
 * <li><b>territory</b>, <b>segment</b>, <b>skills</b> narrow the pool, each to the reps who cover the lead (a rep
 * without territories / segments covers any); a rule that would leave no available rep is not applied and says
 * so;</li>
 * <li><b>weighted round robin</b> among what is left: smooth weighted round robin (nginx's), whose credits the
 * caller stores, so the split is fair to within one lead per rep whatever the order of calls and across
 * restarts.</li>
 * </ol>
 *
 * <p>Available means: not excluded (an escalation's previous owners), not out of office, below capacity and daily
 * cap, and at work. When nobody in the pool is at work, reps off work are used (their SLA clock starts at their
 * opening); when everybody is away or full, the lead overflows to round robin over the whole roster rather than
 * being dropped.
 *
 * <p>Stateless: the caller passes the rep loads and credits and stores the new credits.
 */
public final class LeadRouter {

    /**
     * @param excluded reps who must not get the lead (the owners an escalation takes it from)
     */
    public RoutingDecision route(LeadProfile lead, RepRoster roster, RepStatus status, Map<String, Long> credits,
            Instant now, Set<String> excluded) {
        List<Rep> candidates = roster.reps().stream().filter(rep -> !excluded.contains(rep.id())).toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No rep to route to: the roster is empty"
                    + (excluded.isEmpty() ? "" : " or every rep is excluded (" + excluded + ")"));
        }
        var trace = new ArrayList<String>();

        if (lead.domain() == null) {
            trace.add("account owner: the lead has no company domain");
        } else {
            List<Rep> owners = candidates.stream().filter(rep -> rep.accountDomains().contains(lead.domain())).toList();
            if (owners.isEmpty()) {
                trace.add("account owner: no rep owns " + lead.domain());
            } else {
                for (Rep owner : owners) {
                    String away = away(owner, status, now);
                    if (away == null) {
                        String reason = "account owner: " + owner.id() + " owns " + lead.domain();
                        trace.add(reason);
                        return new RoutingDecision(owner, RoutingDecision.ACCOUNT_OWNER, reason, trace, credits);
                    }
                    trace.add("account owner: " + owner.id() + " owns " + lead.domain() + " but is " + away);
                }
            }
        }

        Predicate<Rep> usable = usability(candidates, status, now);
        boolean overflow = candidates.stream().noneMatch(usable);
        if (overflow) {
            usable = rep -> true;
        }
        List<Rep> pool = candidates;
        var narrowedBy = new ArrayList<String>();

        if (lead.country() == null) {
            trace.add("territory: the lead has no country");
        } else {
            String territory = lead.territoryLabel();
            pool = narrow(pool, rep -> covers(rep, lead), usable, "territory", territory, trace, narrowedBy);
        }
        if (lead.employees() == null) {
            trace.add("segment: the company size is unknown");
        } else {
            Segment segment = Segment.ofEmployees(lead.employees());
            pool = narrow(pool, rep -> rep.segments().isEmpty() || rep.segments().contains(segment), usable,
                    "segment", segment.name(), trace, narrowedBy);
        }
        if (lead.requiredSkills().isEmpty()) {
            trace.add("skills: the lead needs none");
        } else {
            pool = narrow(pool, rep -> rep.skills().containsAll(lead.requiredSkills()), usable, "skills",
                    lead.skillsLabel(), trace, narrowedBy);
        }

        List<Rep> eligible = pool.stream().filter(usable).toList();
        Map<String, Long> next = new HashMap<>(credits);
        long totalWeight = 0;
        Rep chosen = null;
        for (Rep rep : eligible) {
            long credit = next.getOrDefault(rep.id(), 0L) + rep.weight();
            next.put(rep.id(), credit);
            totalWeight += rep.weight();
            if (chosen == null || credit > next.get(chosen.id())) {
                chosen = rep;
            }
        }
        next.put(chosen.id(), next.get(chosen.id()) - totalWeight);
        // Reps who left the roster keep no credit.
        next.keySet().retainAll(roster.reps().stream().map(Rep::id).collect(Collectors.toSet()));

        String scope = narrowedBy.isEmpty() ? "" : " (" + String.join(", ", narrowedBy) + ")";
        String rule;
        String reason;
        if (overflow) {
            rule = RoutingDecision.OVERFLOW;
            reason = "overflow: every rep is away or full; round robin gave it to %s of %d reps"
                    .formatted(chosen.id(), eligible.size());
        } else {
            rule = RoutingDecision.ROUND_ROBIN;
            reason = "round robin: %s was next of %d eligible reps%s".formatted(chosen.id(), eligible.size(), scope);
            if (eligible.stream().noneMatch(rep -> status.atWork(rep))) {
                reason += "; nobody eligible is at work now, the SLA clock starts at " + chosen.id() + "'s opening";
            }
        }
        trace.add(reason);
        return new RoutingDecision(chosen, rule, reason, trace, next);
    }

    /** Available reps if there are any; else reps who are merely off work; else none. */
    private static Predicate<Rep> usability(List<Rep> candidates, RepStatus status, Instant now) {
        Predicate<Rep> available = rep -> away(rep, status, now) == null && status.atWork(rep);
        if (candidates.stream().anyMatch(available)) {
            return available;
        }
        return rep -> away(rep, status, now) == null;
    }

    private static List<Rep> narrow(List<Rep> pool, Predicate<Rep> covers, Predicate<Rep> usable, String rule,
            String value, List<String> trace, List<String> narrowedBy) {
        List<Rep> covering = pool.stream().filter(covers).toList();
        if (covering.size() == pool.size()) {
            trace.add(rule + " " + value + ": every rep in the pool covers it");
            return pool;
        }
        if (covering.stream().noneMatch(usable)) {
            trace.add(rule + " " + value + ": not applied, no available rep covers it"
                    + (covering.isEmpty() ? "" : " (" + ids(covering) + " away or full)"));
            return pool;
        }
        trace.add(rule + " " + value + ": " + ids(covering));
        narrowedBy.add(rule + " " + value);
        return covering;
    }

    private static boolean covers(Rep rep, LeadProfile lead) {
        return rep.territories().isEmpty() || rep.territories().contains(lead.country())
                || lead.region() != null && rep.territories().contains(lead.territoryLabel());
    }

    /** Why a rep cannot take a lead now (other than being off work), or null. */
    private static String away(Rep rep, RepStatus status, Instant now) {
        if (rep.outOfOfficeAt(now)) {
            return "out of office" + (rep.outOfOfficeUntil() == null ? "" : " until " + rep.outOfOfficeUntil());
        }
        if (rep.maxOpenLeads() != null && status.openLeads(rep) >= rep.maxOpenLeads()) {
            return "full (" + status.openLeads(rep) + " of " + rep.maxOpenLeads() + " open leads)";
        }
        if (rep.dailyCap() != null && status.assignedToday(rep) >= rep.dailyCap()) {
            return "at the daily cap (" + rep.dailyCap() + ")";
        }
        return null;
    }

    private static String ids(List<Rep> reps) {
        return reps.stream().map(Rep::id).collect(Collectors.joining(", "));
    }
}
