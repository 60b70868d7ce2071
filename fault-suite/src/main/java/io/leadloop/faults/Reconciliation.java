package io.leadloop.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import io.leadloop.faults.OutputTail.Seen;

/**
 * What the outputs say about the leads and feedback one scenario got a {@code 2xx} for (see the README's
 * "Reconciliation" for the rules and why they are these):
 * <ul>
 * <li>every accepted lead: exactly one {@code LeadCaptured};</li>
 * <li>exactly one {@code LeadScored} per lead definition version (the load captures each lead once, and
 * qualification publishes one score per capture and definition);</li>
 * <li>exactly one {@code LeadHandedOff} if it was scored MQL, none otherwise;</li>
 * <li>every accepted feedback: exactly one {@code FeedbackRecorded} with the event id the API answered.</li>
 * </ul>
 * A lead or feedback missing an output counts once as lost; one with any output too many counts once as
 * duplicated.
 *
 * @param recoverySeconds from the fault's injection until the system was whole again: every lead accepted
 *                        before the heal had all its outputs, and a lead accepted after the heal had gone all the way
 *                        through; empty while anything is missing
 */
record Reconciliation(long accepted, long scored, long handedOff, long feedbackAccepted, long feedbackRecorded,
                      long lost, long duplicated, List<String> examples, OptionalDouble recoverySeconds) {

    boolean complete() {
        return lost == 0;
    }

    static Reconciliation of(Map<String, Long> acceptedLeads, Map<String, String> acceptedFeedback, OutputTail tail,
                             long injectedAtNanos, long healedAtNanos) {
        long scored = 0;
        long handedOff = 0;
        long lost = 0;
        long duplicated = 0;
        List<String> examples = new ArrayList<>();
        long drainedAt = Long.MIN_VALUE;
        long flowingAt = Long.MAX_VALUE;
        boolean allThere = true;
        for (Map.Entry<String, Long> lead : acceptedLeads.entrySet()) {
            String leadId = lead.getKey();
            List<Seen> captured = tail.seen(OutputTail.CAPTURED, leadId);
            List<Seen> scores = tail.seen(OutputTail.SCORED, leadId);
            List<Seen> handoffs = tail.seen(OutputTail.HANDED_OFF, leadId);
            boolean mql = scores.stream().anyMatch(s -> "MQL".equals(s.stage()));
            scored += scores.isEmpty() ? 0 : 1;
            handedOff += handoffs.isEmpty() ? 0 : 1;

            List<String> missing = new ArrayList<>();
            if (captured.isEmpty()) {
                missing.add("captured");
            }
            if (scores.isEmpty()) {
                missing.add("scored");
            }
            if (mql && handoffs.isEmpty()) {
                missing.add("handed off");
            }
            List<String> extra = new ArrayList<>();
            if (captured.size() > 1) {
                extra.add(captured.size() + "× captured " + eventIds(captured));
            }
            Map<String, Long> scoresPerVersion = scores.stream()
                    .collect(Collectors.groupingBy(Seen::definitionVersion, Collectors.counting()));
            scoresPerVersion.forEach((version, n) -> {
                if (n > 1) {
                    extra.add(n + "× scored with definition " + version + " " + eventIds(scores));
                }
            });
            if (handoffs.size() > 1) {
                extra.add(handoffs.size() + "× handed off " + eventIds(handoffs));
            }
            if (!mql && !handoffs.isEmpty() && !scores.isEmpty()) {
                extra.add("handed off without an MQL score");
            }
            if (!missing.isEmpty()) {
                lost++;
                allThere = false;
                example(examples, "lost " + leadId + ": no " + String.join(", ", missing));
            } else {
                long completedAt = latest(captured, scores, mql ? handoffs : List.of());
                if (lead.getValue() < healedAtNanos) {
                    drainedAt = Math.max(drainedAt, completedAt);
                } else {
                    flowingAt = Math.min(flowingAt, completedAt);
                }
            }
            if (!extra.isEmpty()) {
                duplicated++;
                example(examples, "duplicated " + leadId + ": " + String.join("; ", extra));
            }
        }

        long feedbackRecorded = 0;
        for (Map.Entry<String, String> feedback : acceptedFeedback.entrySet()) {
            List<Seen> events = tail.feedbackEvents(feedback.getKey());
            if (events.isEmpty()) {
                lost++;
                allThere = false;
                example(examples, "lost feedback " + feedback.getKey() + " for lead " + feedback.getValue());
            } else {
                feedbackRecorded++;
                if (events.size() > 1) {
                    duplicated++;
                    example(examples, "duplicated feedback " + feedback.getKey() + ": " + events.size() + "×");
                }
            }
        }

        OptionalDouble recovery = OptionalDouble.empty();
        if (allThere) {
            long whole = Math.max(drainedAt, flowingAt == Long.MAX_VALUE ? Long.MIN_VALUE : flowingAt);
            recovery = OptionalDouble.of(Math.max(0, whole - injectedAtNanos) / 1e9);
        }
        return new Reconciliation(acceptedLeads.size(), scored, handedOff, acceptedFeedback.size(), feedbackRecorded,
                lost, duplicated, List.copyOf(examples), recovery);
    }

    private static String eventIds(List<Seen> seen) {
        return seen.stream().map(s -> s.eventId() + "@" + s.partition() + ":" + s.offset())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @SafeVarargs
    private static long latest(List<Seen>... lists) {
        long latest = Long.MIN_VALUE;
        for (List<Seen> list : lists) {
            for (Seen seen : list) {
                latest = Math.max(latest, seen.observedAtNanos());
            }
        }
        return latest;
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }
}
