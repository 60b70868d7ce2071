package io.leadloop.feedback.funnel.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one lead adds to the numbers: under each dimension's value on the lead's day, and, for a won lead, its
 * revenue shared over the campaigns of its touches by every {@link AttributionModel}.
 */
public final class Contributions {

    private Contributions() {
    }

    /** The change to the numbers when what is known of a lead goes from {@code before} to {@code after}. */
    public static Map<NumbersKey, FunnelNumbers> change(LeadFunnel before, LeadFunnel after) {
        Map<NumbersKey, FunnelNumbers> change = new HashMap<>(of(after));
        of(before).forEach((key, old) -> change.merge(key, old.negated(), FunnelNumbers::plus));
        change.values().removeIf(FunnelNumbers::addsNothing);
        return change;
    }

    /** Everything the lead counts for; nothing for a lead nothing is known of. */
    public static Map<NumbersKey, FunnelNumbers> of(LeadFunnel lead) {
        if (lead == null || lead.countedAt() == null) {
            return Map.of();
        }
        Map<NumbersKey, FunnelNumbers> all = new HashMap<>();
        FunnelNumbers own = own(lead);
        for (Dimension dimension : Dimension.values()) {
            dimension.of(lead).ifPresent(value ->
                    all.merge(NumbersKey.of(dimension, value, lead.countedAt()), own, FunnelNumbers::plus));
        }
        attributed(lead).forEach((campaign, numbers) ->
                all.merge(NumbersKey.of(Dimension.CAMPAIGN, campaign, lead.countedAt()), numbers, FunnelNumbers::plus));
        return all;
    }

    private static FunnelNumbers own(LeadFunnel lead) {
        boolean won = lead.closing() == DealClosing.WON;
        Money revenue = won ? lead.revenue() : null;
        boolean rejected = lead.decision() == SalesDecision.REJECTED;
        return new FunnelNumbers(
                one(lead.captured()), one(lead.qualified()), one(lead.handedOff()),
                one(lead.decision() == SalesDecision.ACCEPTED), one(rejected),
                rejected ? Map.of(LeadFunnel.keyOf(lead.rejectionReason()), 1L) : Map.of(),
                one(lead.contacted()), one(lead.contactedWithinSla()),
                lead.timeToFirstTouch().map(waited -> Map.of(waited.toMinutes(), 1L)).orElse(Map.of()),
                one(lead.meeting()), one(lead.opportunity()), one(won), one(lead.closing() == DealClosing.LOST),
                revenue == null ? Map.of() : Map.of(revenue.currency(), revenue.amount()),
                Map.of());
    }

    /** Per campaign, its share of the lead's win under each model. */
    private static Map<String, FunnelNumbers> attributed(LeadFunnel lead) {
        Money won = lead.closing() == DealClosing.WON ? lead.revenue() : null;
        if (won == null) {
            return Map.of();
        }
        List<Touch> touches = lead.touches().stream()
                .filter(touch -> touch.occurredAt() == null || lead.closedAt() == null
                        || !touch.occurredAt().isAfter(lead.closedAt()))
                .toList();
        if (touches.isEmpty()) {
            touches = lead.touches().isEmpty() ? List.of(new Touch(1, lead.campaignId(), null)) : lead.touches();
        }
        Map<String, Map<String, Map<String, BigDecimal>>> byCampaign = new TreeMap<>();
        for (AttributionModel model : AttributionModel.values()) {
            model.split(won, touches, lead.qualifiedAt(), lead.opportunityAt()).forEach((campaign, amount) ->
                    byCampaign.computeIfAbsent(campaign, c -> new TreeMap<>())
                            .put(model.id(), Map.of(won.currency(), amount)));
        }
        Map<String, FunnelNumbers> result = new TreeMap<>();
        byCampaign.forEach((campaign, models) -> result.put(campaign, new FunnelNumbers(0, 0, 0, 0, 0, Map.of(), 0,
                0, Map.of(), 0, 0, 0, 0, Map.of(), models)));
        return result;
    }

    private static long one(boolean reached) {
        return reached ? 1 : 0;
    }
}
