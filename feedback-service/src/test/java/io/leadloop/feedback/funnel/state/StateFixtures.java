package io.leadloop.feedback.funnel.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.leadloop.feedback.funnel.domain.DealClosing;
import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.funnel.domain.Money;
import io.leadloop.feedback.funnel.domain.SalesDecision;
import io.leadloop.feedback.funnel.domain.Touch;

/** State values for the format tests: every field set, nothing set, and random mixes of both. */
final class StateFixtures {

    static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");

    private StateFixtures() {
    }

    /** Every field set, none at its default, instants with nanoseconds. */
    static LeadFunnel wonLead() {
        return new LeadFunnel("lead-7f3a", "spring-launch", "google", "demo-request", "https://acme.io/demo?x=ü", 1,
                T0, T0.plusSeconds(1),
                List.of(new Touch(1, "spring-launch", T0.plusSeconds(1)), new Touch(2, null, T0.plusSeconds(90)),
                        new Touch(3, "webinar", null)),
                true, true, T0.plusSeconds(2), true, T0.plusSeconds(3), T0.plusSeconds(3_600), "rep-ana",
                T0.plusSeconds(4), SalesDecision.ACCEPTED, T0.plusSeconds(5), "no-budget", true, T0.plusSeconds(6),
                true, true, T0.plusSeconds(7), DealClosing.WON, T0.plusSeconds(8),
                new Money(new BigDecimal("1200.50"), "USD"), "emea");
    }

    static FunnelNumbers busyCampaignDay() {
        return new FunnelNumbers(120, 40, 38, 30, 8, Map.of("no-budget", 5L, "wrong-person", 3L), 29, 25,
                Map.of(0L, 3L, 7L, 10L, 95L, 1L, 2_000L, 15L), 12, 6, 4, 2,
                Map.of("USD", new BigDecimal("48200.00"), "EUR", new BigDecimal("0.01")),
                Map.of("first-touch", Map.of("USD", new BigDecimal("1200.33")),
                        "linear", Map.of("USD", new BigDecimal("400.11"), "EUR", new BigDecimal("-3.5"))));
    }

    /** A lead's funnel with each part present or absent at random, and any enum value. */
    static LeadFunnel randomLead(Random random) {
        List<Touch> touches = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            touches.add(new Touch(random.nextInt(1, 100), maybe(random, "campaign-" + random.nextInt(9)),
                    maybeInstant(random)));
        }
        return new LeadFunnel("lead-" + random.nextLong(), maybe(random, "c" + random.nextInt()),
                maybe(random, "linkedin"), maybe(random, "form-" + random.nextInt(5)), maybe(random, "https://x.io/"),
                random.nextInt(), maybeInstant(random), maybeInstant(random), touches, random.nextBoolean(),
                random.nextBoolean(), maybeInstant(random), random.nextBoolean(), maybeInstant(random),
                maybeInstant(random), maybe(random, "rep-" + random.nextInt(50)), maybeInstant(random),
                pick(random, SalesDecision.values()), maybeInstant(random), maybe(random, "other"),
                random.nextBoolean(), maybeInstant(random), random.nextBoolean(), random.nextBoolean(),
                maybeInstant(random), pick(random, DealClosing.values()), maybeInstant(random),
                random.nextBoolean() ? null : new Money(BigDecimal.valueOf(random.nextLong(), random.nextInt(0, 4)),
                        pick(random, new String[] {"USD", "EUR", "BRL"})),
                maybe(random, "team-" + random.nextInt(3)));
    }

    static FunnelNumbers randomNumbers(Random random) {
        var reasons = new TreeMap<String, Long>();
        var minutes = new TreeMap<Long, Long>();
        var revenue = new TreeMap<String, BigDecimal>();
        var attributed = new TreeMap<String, Map<String, BigDecimal>>();
        for (int i = random.nextInt(4); i > 0; i--) {
            reasons.put("reason-" + random.nextInt(20), random.nextLong());
            minutes.put(random.nextLong(-5, 100_000), random.nextLong());
            revenue.put("C" + random.nextInt(5), BigDecimal.valueOf(random.nextLong(), random.nextInt(0, 3)));
            attributed.put("model-" + random.nextInt(5),
                    Map.of("USD", new BigDecimal(random.nextInt()).movePointLeft(2)));
        }
        return new FunnelNumbers(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong(),
                random.nextLong(), reasons, random.nextLong(), random.nextLong(), minutes, random.nextLong(),
                random.nextLong(), random.nextLong(), random.nextLong(), revenue, attributed);
    }

    private static String maybe(Random random, String value) {
        return random.nextBoolean() ? value : null;
    }

    private static Instant maybeInstant(Random random) {
        return random.nextBoolean() ? null
                : Instant.ofEpochSecond(random.nextLong(-10_000_000_000L, 10_000_000_000L), random.nextInt(1_000_000_000));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
