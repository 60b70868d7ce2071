package io.leadloop.qualification.definitions;

import java.util.List;

/** A proposed definition that cannot be used, with every bad field. */
public class InvalidDefinitionException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidDefinitionException(List<Violation> violations) {
        super("The lead definition is invalid: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
