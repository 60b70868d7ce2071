package io.leadloop.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One scenario's numbers and verdict. */
record ScenarioResult(Scenario scenario, long sent, Reconciliation reconciliation, Map<String, Long> intakeAnswers,
                      Map<String, Long> feedbackAnswers, List<String> failures, List<String> notes, double seconds) {

    boolean passed() {
        return failures.isEmpty() && reconciliation.lost() == 0 && reconciliation.duplicated() == 0;
    }

    /** Everything that makes this scenario fail, in one list for the report and the assertion. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(failures);
        problems.addAll(reconciliation.examples());
        return problems;
    }

    String recovery() {
        return reconciliation.recoverySeconds().isPresent()
                ? "%.1f s".formatted(reconciliation.recoverySeconds().getAsDouble())
                : "—";
    }
}
