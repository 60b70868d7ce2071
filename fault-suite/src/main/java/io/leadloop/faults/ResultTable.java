package io.leadloop.faults;

import java.util.List;

/** The table the suite prints and writes to its results file (Markdown, so it can go into a README as is). */
final class ResultTable {

    private ResultTable() {
    }

    static String markdown(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder();
        table.append("| scenario | fault | sent | accepted | scored | handed off | feedback 2xx / recorded "
                + "| lost | duplicated | recovery | result |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : results) {
            Reconciliation c = r.reconciliation();
            table.append("| %s | %s | %d | %d | %d | %d | %d / %d | %d | %d | %s | %s |\n".formatted(
                    r.scenario().id(), r.scenario().title(), r.sent(), c.accepted(), c.scored(), c.handedOff(),
                    c.feedbackAccepted(), c.feedbackRecorded(), c.lost(), c.duplicated(), r.recovery(),
                    r.passed() ? "pass" : "**FAIL**"));
        }
        table.append('\n');
        for (ScenarioResult r : results) {
            table.append("- `%s` (%.0f s): intake answers %s; feedback answers %s%n".formatted(r.scenario().id(),
                    r.seconds(), r.intakeAnswers(), r.feedbackAnswers()));
            r.notes().forEach(note -> table.append("  - ").append(note).append('\n'));
            r.problems().forEach(problem -> table.append("  - **").append(problem).append("**\n"));
        }
        return table.toString();
    }
}
