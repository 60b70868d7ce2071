package io.leadloop.feedback.funnel;

import java.util.Map;

/** Query parameters that cannot be answered; {@code errors} names each offending parameter. */
public class InvalidQuery extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidQuery(Map<String, String> errors) {
        super("Some query parameters are invalid: " + String.join(", ", errors.keySet()));
        this.errors = Map.copyOf(errors);
    }

    /** Parameter name → what is wrong with it. */
    public Map<String, String> errors() {
        return errors;
    }
}
