package io.leadloop.qualification.learning;

import java.util.List;
import java.util.Objects;

/**
 * One labelled outcome for one model (segment and target), on its way to the single writer of that model.
 *
 * @param leadId the lead it came from, for logs
 * @param segment the model segment
 * @param target what the label is about
 * @param features the lead's features when it was scored
 * @param positive the label
 * @param previous the label this lead was learned with before for this target (a corrected outcome), or null
 */
public record TrainingExample(String leadId, String segment, String target, List<String> features, boolean positive,
        Boolean previous) {

    public TrainingExample {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(target, "target");
        features = List.copyOf(features);
    }

    /** Every example of one model goes to the same partition, where its one writer applies them in order. */
    public String modelKey() {
        return segment + "|" + target;
    }
}
