package io.leadloop.qualification.learning;

/**
 * Turns a number into a categorical feature value: 0, then bins that double in width (1, 2-3, 4-7, 8-15, ...),
 * so "3 visits" and "2 visits" share what was learned while "900 seconds" and "20 seconds" do not, without knowing
 * each field's range in advance.
 */
public final class NumericBins {

    private NumericBins() {
    }

    public static String of(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (value < 0) {
            return "<0";
        }
        if (value < 1) {
            return value == 0 ? "0" : "0-1";
        }
        long lower = Long.highestOneBit((long) Math.floor(value));
        return lower == 1 ? "1" : lower + "-" + (2 * lower - 1);
    }
}
