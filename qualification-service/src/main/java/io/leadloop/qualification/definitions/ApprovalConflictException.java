package io.leadloop.qualification.definitions;

/** An approval or proposal that contradicts the state of the version (e.g. the same person approving twice). */
public class ApprovalConflictException extends RuntimeException {

    private final String version;

    public ApprovalConflictException(String version, String message) {
        super(message);
        this.version = version;
    }

    public String version() {
        return version;
    }
}
