package io.leadloop.schemas.registry;

/**
 * The registry refused a request or could not be reached. Carries the HTTP status and Confluent's
 * {@code error_code} (0 when the registry was not reached at all).
 */
public class SchemaRegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message + " (HTTP " + httpStatus + ", error_code " + errorCode + ")");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /** Subject, version or schema not found (40401, 40402, 40403). */
    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
