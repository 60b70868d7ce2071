package io.leadloop.qualification.web;

import java.util.List;

import io.leadloop.qualification.definitions.Violation;

/** An approval request without an approver or with a team other than marketing or sales. */
class InvalidApprovalException extends RuntimeException {

    private final transient List<Violation> violations;

    InvalidApprovalException(List<Violation> violations) {
        super("Invalid approval: " + violations);
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
