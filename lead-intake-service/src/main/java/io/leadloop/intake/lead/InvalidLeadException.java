package io.leadloop.intake.lead;

import java.util.List;

/** A lead failed validation; carries every problem found, not just the first. */
public class InvalidLeadException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidLeadException(List<FieldProblem> problems) {
        super("Invalid lead: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
