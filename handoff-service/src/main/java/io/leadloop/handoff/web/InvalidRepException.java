package io.leadloop.handoff.web;

import java.util.List;
import java.util.Map;

/** A rep sent to the roster API is invalid; {@code errors} names every offending field by JSON pointer. */
class InvalidRepException extends RuntimeException {

    private final List<Map<String, String>> errors;

    InvalidRepException(List<Map<String, String>> errors) {
        super("The rep is invalid");
        this.errors = List.copyOf(errors);
    }

    List<Map<String, String>> errors() {
        return errors;
    }
}
