package io.leadloop.feedback.funnel.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * The closed-loop numbers of one group of leads (a campaign, source, form, landing page or rep, on one day): how
 * many reached each stage, what sales said, how fast they were worked, and the revenue they brought.
 *
 * <p>A sum that can be taken apart again: {@link #plus} and {@link #negated} let a lead's old contribution be
 * subtracted and its new one added whenever what is known of it changes, so every lead is counted once whatever
 * events repeat or arrive late. Every field therefore is a sum: counts, counts per reason, a histogram of minutes
 * to the first touch (a median is not a sum, a histogram is), amounts per currency.
 *
 * @param rejectedByReason leads rejected, per reason code
 * @param firstTouchMinutes leads worked, per whole minutes from handoff to first touch
 * @param revenue won, per currency (the lead's own campaign, source, ... gets all of it)
 * @param attributedRevenue per {@link AttributionModel#id()}, per currency: this group's share of the revenue
 *        of leads whose touches came through it (only campaigns have touches)
 */
public record FunnelNumbers(
        long captured,
        long qualified,
        long handedOff,
        long accepted,
        long rejected,
        Map<String, Long> rejectedByReason,
        long contacted,
        long contactedWithinSla,
        Map<Long, Long> firstTouchMinutes,
        long meetings,
        long opportunities,
        long won,
        long lost,
        Map<String, BigDecimal> revenue,
        Map<String, Map<String, BigDecimal>> attributedRevenue) {

    public static final FunnelNumbers ZERO = new FunnelNumbers(0, 0, 0, 0, 0, Map.of(), 0, 0, Map.of(), 0, 0, 0, 0,
            Map.of(), Map.of());

    public FunnelNumbers {
        rejectedByReason = sorted(rejectedByReason);
        firstTouchMinutes = sorted(firstTouchMinutes);
        revenue = sorted(revenue);
        var byModel = new TreeMap<String, Map<String, BigDecimal>>();
        if (attributedRevenue != null) {
            attributedRevenue.forEach((model, amounts) -> {
                if (amounts != null && !amounts.isEmpty()) {
                    byModel.put(model, sorted(amounts));
                }
            });
        }
        attributedRevenue = java.util.Collections.unmodifiableMap(byModel);
    }

    public FunnelNumbers plus(FunnelNumbers o) {
        return new FunnelNumbers(captured + o.captured, qualified + o.qualified, handedOff + o.handedOff,
                accepted + o.accepted, rejected + o.rejected, add(rejectedByReason, o.rejectedByReason, Long::sum),
                contacted + o.contacted, contactedWithinSla + o.contactedWithinSla,
                add(firstTouchMinutes, o.firstTouchMinutes, Long::sum), meetings + o.meetings,
                opportunities + o.opportunities, won + o.won, lost + o.lost, add(revenue, o.revenue, BigDecimal::add),
                addNested(attributedRevenue, o.attributedRevenue));
    }

    public FunnelNumbers negated() {
        var negatedAttribution = new TreeMap<String, Map<String, BigDecimal>>();
        attributedRevenue.forEach((model, amounts) -> negatedAttribution.put(model, map(amounts, BigDecimal::negate)));
        return new FunnelNumbers(-captured, -qualified, -handedOff, -accepted, -rejected,
                map(rejectedByReason, v -> -v), -contacted, -contactedWithinSla, map(firstTouchMinutes, v -> -v),
                -meetings, -opportunities, -won, -lost, map(revenue, BigDecimal::negate), negatedAttribution);
    }

    /** These numbers as counted for the group's own leads, without revenue shared in by other leads' touches. */
    public FunnelNumbers withoutAttribution() {
        return new FunnelNumbers(captured, qualified, handedOff, accepted, rejected, rejectedByReason, contacted,
                contactedWithinSla, firstTouchMinutes, meetings, opportunities, won, lost, revenue, Map.of());
    }

    public boolean addsNothing() {
        return equals(ZERO);
    }

    /** Median whole minutes from handoff to first touch over the leads worked, or null when none was. */
    public Double medianMinutesToFirstTouch() {
        long total = firstTouchMinutes.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return null;
        }
        long lowerRank = (total - 1) / 2;
        long upperRank = total / 2;
        Long lower = null;
        Long upper = null;
        long seen = 0;
        for (var bucket : firstTouchMinutes.entrySet()) {
            long next = seen + bucket.getValue();
            if (lower == null && lowerRank < next) {
                lower = bucket.getKey();
            }
            if (upper == null && upperRank < next) {
                upper = bucket.getKey();
                break;
            }
            seen = next;
        }
        return (lower + upper) / 2.0;
    }

    private static <K extends Comparable<K>, V> Map<K, V> sorted(Map<K, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }

    private static <K extends Comparable<K>, V> Map<K, V> map(Map<K, V> map, java.util.function.UnaryOperator<V> f) {
        var result = new TreeMap<K, V>();
        map.forEach((k, v) -> result.put(k, f.apply(v)));
        return result;
    }

    /** Entries that sum to zero are dropped, so a lead taken out leaves no trace. */
    private static <K extends Comparable<K>, V> Map<K, V> add(Map<K, V> a, Map<K, V> b, BinaryOperator<V> sum) {
        var result = new TreeMap<K, V>(a);
        b.forEach((k, v) -> {
            V total = result.containsKey(k) ? sum.apply(result.get(k), v) : v;
            if (isZero(total)) {
                result.remove(k);
            } else {
                result.put(k, total);
            }
        });
        return result;
    }

    private static Map<String, Map<String, BigDecimal>> addNested(Map<String, Map<String, BigDecimal>> a,
            Map<String, Map<String, BigDecimal>> b) {
        var result = new TreeMap<String, Map<String, BigDecimal>>(a);
        b.forEach((model, amounts) -> result.put(model, add(result.getOrDefault(model, Map.of()), amounts,
                BigDecimal::add)));
        return result;
    }

    private static boolean isZero(Object value) {
        return value instanceof BigDecimal d ? d.signum() == 0 : value instanceof Long l && l == 0;
    }
}
