package io.leadloop.intake.privacy;

import java.util.List;

/** An erasure request that names nobody, or names them unreadably; {@code errors} are JSON pointer + detail. */
class InvalidErasureException extends RuntimeException {

    record FieldError(String pointer, String detail) {
    }

    private final List<FieldError> errors;

    InvalidErasureException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
