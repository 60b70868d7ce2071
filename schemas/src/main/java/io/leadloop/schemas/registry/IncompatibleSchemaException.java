package io.leadloop.schemas.registry;

/**
 * The registry refused a schema as incompatible with the subject's earlier versions. Confluent answered
 * {@code error_code 409} up to 8.0.3 / 8.1.1 and {@code 40901} since; both, and Apicurio's {@code 409}, land here.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {

    public IncompatibleSchemaException(int errorCode, String message) {
        super(409, errorCode, message);
    }
}
