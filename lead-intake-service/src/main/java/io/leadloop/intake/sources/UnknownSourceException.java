package io.leadloop.intake.sources;

/** No enabled source of that name (and kind): answered 404. */
public class UnknownSourceException extends RuntimeException {

    public UnknownSourceException(String name) {
        super("No enabled lead source named '" + name + "'");
    }
}
