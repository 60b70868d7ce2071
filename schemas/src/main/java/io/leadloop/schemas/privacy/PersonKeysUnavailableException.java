package io.leadloop.schemas.privacy;

import java.time.Duration;

/** The keys topic could not be read up to its end in time: a sealed contact can be neither opened nor declared erased. */
public class PersonKeysUnavailableException extends RuntimeException {

    public PersonKeysUnavailableException(Duration waited, Throwable cause) {
        super("privacy.person-keys.v1 was not read to its end within " + waited, cause);
    }

    /** The reader cannot serve the wait at all (stopped or closed): failing at once beats waiting it out. */
    public PersonKeysUnavailableException(String why) {
        super("privacy.person-keys.v1 cannot be read: " + why);
    }
}
