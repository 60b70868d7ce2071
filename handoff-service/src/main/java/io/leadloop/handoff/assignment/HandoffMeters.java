package io.leadloop.handoff.assignment;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What an operator watches of hand-off, on {@code /actuator/prometheus}: leads handed off and withheld, the time to
 * first touch (the SLA itself: speed to lead), reminders, breaches, escalations and recycled leads.
 *
 * <p>Per instance and in memory, like every Micrometer meter: a task re-processed after a crash may count a record
 * twice. The exact numbers are the events on the topics (and feedback's scoreboard); these are for dashboards and
 * alerts ("breaches per hour above N").
 */
final class HandoffMeters {

    private final MeterRegistry registry;
    private final Timer firstTouchOnTime;
    private final Timer firstTouchLate;

    HandoffMeters(MeterRegistry registry) {
        this.registry = registry;
        this.firstTouchOnTime = firstTouch(registry, "met");
        this.firstTouchLate = firstTouch(registry, "late");
    }

    private static Timer firstTouch(MeterRegistry registry, String sla) {
        return Timer.builder("leadloop.handoff.first.touch")
                .description("Time from hand-off to the owner's first touch")
                .tag("sla", sla)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(10))
                .maximumExpectedValue(Duration.ofDays(7))
                .register(registry);
    }

    void handedOff(String priority) {
        registry.counter("leadloop.handoff.leads.handed.off", "priority", priority).increment();
    }

    void withheld(String reason) {
        registry.counter("leadloop.handoff.leads.withheld", "reason", reason).increment();
    }

    void firstTouch(Duration afterHandoff, boolean onTime) {
        (onTime ? firstTouchOnTime : firstTouchLate).record(afterHandoff.isNegative() ? Duration.ZERO : afterHandoff);
    }

    void reminded(String priority) {
        registry.counter("leadloop.handoff.sla.reminders", "priority", priority).increment();
    }

    void breached(String priority) {
        registry.counter("leadloop.handoff.sla.breaches", "priority", priority).increment();
    }

    void escalated(int level, String action) {
        registry.counter("leadloop.handoff.escalations", "level", Integer.toString(level), "action", action)
                .increment();
    }

    void recycled() {
        registry.counter("leadloop.handoff.leads.recycled").increment();
    }
}
