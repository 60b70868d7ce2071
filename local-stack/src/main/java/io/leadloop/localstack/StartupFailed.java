package io.leadloop.localstack;

/**
 * A part did not become healthy. Carries the end of that part's log, because "timed out" alone sends a person
 * hunting through five log files for the one line that matters.
 */
public final class StartupFailed extends RuntimeException {

    private final Part part;
    private final String logTail;

    StartupFailed(Part part, String reason, String logTail) {
        super(part.id() + " " + reason);
        this.part = part;
        this.logTail = logTail;
    }

    StartupFailed(Part part, String reason, Throwable cause) {
        super(part.id() + " " + reason + ": " + cause.getMessage(), cause);
        this.part = part;
        this.logTail = "";
    }

    public Part part() {
        return part;
    }

    public String logTail() {
        return logTail;
    }
}
