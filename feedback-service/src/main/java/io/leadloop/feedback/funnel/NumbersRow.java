package io.leadloop.feedback.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import io.leadloop.feedback.funnel.domain.FunnelNumbers;

/**
 * One value's closed-loop numbers as the API shows them: the counts, and the rates derived from them (null where
 * the denominator is zero, never a made-up 0). Rates are fractions (0.25 = 25%), rounded to four places.
 *
 * @param conversion stage → next stage, e.g. {@code captured→qualified}, each the share of the earlier stage's
 *        leads that reached the later one
 * @param acceptanceRate accepted / (accepted + rejected)
 * @param slaCompliance contacted within SLA / handed off (a lead still inside its SLA and not yet contacted counts
 *        as not (yet) compliant)
 * @param winRate won / (won + lost)
 * @param medianMinutesToFirstTouch from handoff to the first reported touch, over the leads worked
 */
public record NumbersRow(
        String value,
        long captured,
        long qualified,
        long handedOff,
        long accepted,
        long rejected,
        Map<String, Long> rejectedByReason,
        long contacted,
        long contactedWithinSla,
        Double medianMinutesToFirstTouch,
        long meetings,
        long opportunities,
        long won,
        long lost,
        Map<String, BigDecimal> revenue,
        Map<String, Map<String, BigDecimal>> attributedRevenue,
        BigDecimal acceptanceRate,
        BigDecimal slaCompliance,
        BigDecimal winRate,
        Map<String, BigDecimal> conversion) {

    public static NumbersRow of(String value, FunnelNumbers n) {
        Map<String, BigDecimal> conversion = new LinkedHashMap<>();
        conversion.put("captured→qualified", rate(n.qualified(), n.captured()));
        conversion.put("qualified→handedOff", rate(n.handedOff(), n.qualified()));
        conversion.put("handedOff→accepted", rate(n.accepted(), n.handedOff()));
        conversion.put("accepted→contacted", rate(n.contacted(), n.accepted()));
        conversion.put("contacted→meeting", rate(n.meetings(), n.contacted()));
        conversion.put("meeting→opportunity", rate(n.opportunities(), n.meetings()));
        conversion.put("opportunity→won", rate(n.won(), n.opportunities()));
        conversion.put("captured→won", rate(n.won(), n.captured()));
        return new NumbersRow(value, n.captured(), n.qualified(), n.handedOff(), n.accepted(), n.rejected(),
                n.rejectedByReason(), n.contacted(), n.contactedWithinSla(), n.medianMinutesToFirstTouch(),
                n.meetings(), n.opportunities(), n.won(), n.lost(), n.revenue(), n.attributedRevenue(),
                rate(n.accepted(), n.accepted() + n.rejected()), rate(n.contactedWithinSla(), n.handedOff()),
                rate(n.won(), n.won() + n.lost()), conversion);
    }

    private static BigDecimal rate(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
