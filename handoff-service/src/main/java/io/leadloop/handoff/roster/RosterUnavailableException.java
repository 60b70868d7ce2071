package io.leadloop.handoff.roster;

/** The roster cannot be read or changed right now (Kafka Streams starting, or Kafka not acknowledging). */
public class RosterUnavailableException extends RuntimeException {

    public RosterUnavailableException(Throwable cause) {
        super("The roster is unavailable right now: " + cause.getMessage(), cause);
    }
}
