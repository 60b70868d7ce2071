package io.leadloop.feedback.funnel.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a won deal's revenue is shared between the campaigns of the lead's touches (every submission of the same
 * person is a touch; only touches captured up to the win count). The position-based models follow the usual
 * definitions (HubSpot's, Salesforce's), read for LeadLoop's stages:
 * <ul>
 * <li>{@code FIRST_TOUCH} / {@code LAST_TOUCH}: all of it to the first / last touch;</li>
 * <li>{@code LINEAR}: the same share to every touch;</li>
 * <li>{@code U_SHAPED}: 40% to the first touch, 40% to the lead-conversion touch (the last touch before the lead
 *     became an MQL; the last touch if it never did), 20% shared by the others;</li>
 * <li>{@code W_SHAPED}: 30% each to the first, the lead-conversion and the opportunity-creation touch (the last
 *     touch before the opportunity, else the win), 10% shared by the others.</li>
 * </ul>
 * When one touch holds several positions it gets their weights added up; when there is no other touch to share
 * the rest, the positions' weights are scaled up to 100%. Plain arithmetic over the lead's touches, so the
 * numbers can be recomputed from the log at any time.
 */
public enum AttributionModel {
    FIRST_TOUCH("first-touch"),
    LAST_TOUCH("last-touch"),
    LINEAR("linear"),
    U_SHAPED("u-shaped"),
    W_SHAPED("w-shaped");

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final String id;

    AttributionModel(String id) {
        this.id = id;
    }

    /** The name used in the API, CSV and the published numbers. */
    public String id() {
        return id;
    }

    public static AttributionModel ofId(String id) {
        for (AttributionModel model : values()) {
            if (model.id.equalsIgnoreCase(id) || model.name().equalsIgnoreCase(id)) {
                return model;
            }
        }
        throw new IllegalArgumentException("Unknown attribution model " + id);
    }

    /**
     * The revenue share of each campaign (by {@link Touch#campaignKey()}), summing to exactly one (empty only
     * without touches).
     *
     * @param touches the lead's touches up to the win, any order
     * @param qualifiedAt when the lead became an MQL, or null
     * @param opportunityAt when its opportunity was opened, or null
     */
    public Map<String, BigDecimal> shares(List<Touch> touches, Instant qualifiedAt, Instant opportunityAt) {
        List<Touch> ordered = touches.stream().sorted(java.util.Comparator.comparingInt(Touch::touch)).toList();
        int n = ordered.size();
        if (n == 0) {
            return Map.of();
        }
        double[] weights = new double[n];
        switch (this) {
            case FIRST_TOUCH -> weights[0] = 1;
            case LAST_TOUCH -> weights[n - 1] = 1;
            case LINEAR -> java.util.Arrays.fill(weights, 1);
            case U_SHAPED -> positional(weights, new int[] {0, lastBefore(ordered, qualifiedAt)}, 0.4, 0.2);
            case W_SHAPED -> positional(weights, new int[] {0, lastBefore(ordered, qualifiedAt),
                    lastBefore(ordered, opportunityAt)}, 0.3, 0.1);
        }
        double total = java.util.Arrays.stream(weights).sum();
        Map<String, BigDecimal> shares = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) {
                shares.merge(ordered.get(i).campaignKey(),
                        BigDecimal.valueOf(weights[i]).divide(BigDecimal.valueOf(total), PRECISION), BigDecimal::add);
            }
        }
        return shares;
    }

    /**
     * The amount split by {@link #shares} in whole cents that add up to the amount: each share rounded down, the
     * cents left over going one each to the largest remainders (ties by campaign id), so totals never drift.
     */
    public Map<String, BigDecimal> split(Money won, List<Touch> touches, Instant qualifiedAt, Instant opportunityAt) {
        Map<String, BigDecimal> shares = shares(touches, qualifiedAt, opportunityAt);
        BigDecimal total = won.amount().setScale(2, RoundingMode.HALF_EVEN);
        Map<String, BigDecimal> amounts = new TreeMap<>();
        Map<String, BigDecimal> remainders = new TreeMap<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (var share : shares.entrySet()) {
            BigDecimal exact = total.multiply(share.getValue());
            BigDecimal cents = exact.setScale(2, RoundingMode.DOWN);
            amounts.put(share.getKey(), cents);
            remainders.put(share.getKey(), exact.subtract(cents));
            assigned = assigned.add(cents);
        }
        long centsLeft = total.subtract(assigned).movePointRight(2).longValueExact();
        List<String> byRemainder = remainders.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        for (int i = 0; i < centsLeft && !byRemainder.isEmpty(); i++) {
            amounts.merge(byRemainder.get(i % byRemainder.size()), new BigDecimal("0.01"), BigDecimal::add);
        }
        return amounts;
    }

    private static void positional(double[] weights, int[] positions, double positionWeight, double restWeight) {
        boolean[] isPosition = new boolean[weights.length];
        for (int position : positions) {
            weights[position] += positionWeight;
            isPosition[position] = true;
        }
        int others = 0;
        for (boolean position : isPosition) {
            others += position ? 0 : 1;
        }
        for (int i = 0; i < weights.length; i++) {
            if (!isPosition[i]) {
                weights[i] = restWeight / others;
            }
        }
        // Without others, the positions' weights are normalised by the caller's division by the total.
    }

    /** The last touch at or before {@code at}; the last touch when {@code at} is unknown or before every touch. */
    private static int lastBefore(List<Touch> ordered, Instant at) {
        if (at == null) {
            return ordered.size() - 1;
        }
        int found = -1;
        for (int i = 0; i < ordered.size(); i++) {
            Instant touchedAt = ordered.get(i).occurredAt();
            if (touchedAt == null || !touchedAt.isAfter(at)) {
                found = i;
            }
        }
        return found < 0 ? 0 : found;
    }
}
