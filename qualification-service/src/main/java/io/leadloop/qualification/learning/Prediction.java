package io.leadloop.qualification.learning;

import java.util.Comparator;
import java.util.List;

/**
 * A learned probability for one lead and one target, with the features that pushed it up and down.
 *
 * @param target what is predicted: {@code accepted} (sales accepts the lead) or {@code won}
 * @param algorithm which learner made it
 * @param probability between 0 and 1; the prior (base rate) when nothing was learned yet
 * @param examples how many outcomes the model had learned from when it predicted: the model version
 * @param influences every known feature's contribution, strongest first
 */
public record Prediction(String target, String algorithm, double probability, long examples, List<Influence> influences) {

    public Prediction {
        influences = influences.stream()
                .sorted(Comparator.comparingDouble((Influence i) -> Math.abs(i.logOdds())).reversed())
                .toList();
    }

    /** {@code <algorithm>@<examples>}: names the model state the probability came from. */
    public String modelVersion() {
        return algorithm + "@" + examples;
    }

    /** The features that raised the probability most, strongest first. */
    public List<Influence> pushedUp(int limit) {
        return influences.stream().filter(i -> i.logOdds() > 0).limit(limit).toList();
    }

    /** The features that lowered the probability most, strongest first. */
    public List<Influence> pushedDown(int limit) {
        return influences.stream().filter(i -> i.logOdds() < 0).limit(limit).toList();
    }
}
