package io.leadloop.qualification.learning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an outcome teaches about each target. Sales accepting, contacting, meeting or opening an opportunity all
 * mean "accepted"; a loss was accepted but not won; a rejection is neither. Recycled and unknown outcomes teach
 * nothing.
 */
public final class OutcomeLabels {

    /** Sales accepted the lead (worked it). */
    public static final String ACCEPTED = "accepted";
    /** The lead became a customer. */
    public static final String WON = "won";

    private OutcomeLabels() {
    }

    /** Target → label for a sales outcome given by name ({@code WON}, {@code REJECTED}, ...); empty if none. */
    public static Map<String, Boolean> of(String outcome) {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        switch (outcome) {
            case "ACCEPTED", "CONTACTED", "MEETING_BOOKED", "OPPORTUNITY" -> labels.put(ACCEPTED, true);
            case "WON" -> {
                labels.put(ACCEPTED, true);
                labels.put(WON, true);
            }
            case "LOST" -> {
                labels.put(ACCEPTED, true);
                labels.put(WON, false);
            }
            case "REJECTED" -> {
                labels.put(ACCEPTED, false);
                labels.put(WON, false);
            }
            default -> {
                // RECYCLED goes back to marketing, UNKNOWN is an outcome this version does not know: no label.
            }
        }
        return labels;
    }

    /**
     * The target of a rejection reason: for rejected leads, the probability that sales gives this reason, so
     * marketing sees which fields predict "bad contact data" or "not a fit". The code is what precedes
     * {@code ": "} in the published reason.
     */
    public static String rejectedFor(String reason) {
        String code = reason.contains(": ") ? reason.substring(0, reason.indexOf(": ")) : reason;
        return REJECTED_FOR + code.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Targets of rejection reasons start with this; {@link #ANY_REASON} counts every rejection with a reason. */
    public static final String REJECTED_FOR = "rejected-for:";
    public static final String ANY_REASON = REJECTED_FOR + "*";

    public static boolean isRejectionReason(String target) {
        return target.startsWith(REJECTED_FOR);
    }
}
