package io.leadloop.intake.privacy;

/** Kafka did not acknowledge a key's tombstone or the PersonErased event: the erasure must be asked again. */
class ErasureNotDoneException extends RuntimeException {

    ErasureNotDoneException(Throwable cause) {
        super("The erasure was not acknowledged by Kafka: " + cause.getMessage(), cause);
    }
}
