package io.leadloop.intake.webhooks;

/**
 * A webhook body that is not JSON, or not the shape the platform documents: answered 400 naming the place by JSON
 * pointer. Only for what the sender got wrong; a well-formed lead that fails our rules is an
 * {@link io.leadloop.intake.lead.InvalidLeadException} instead.
 */
public class MalformedPayloadException extends RuntimeException {

    private final boolean json;
    private final String pointer;

    private MalformedPayloadException(boolean json, String pointer, String detail) {
        super(detail);
        this.json = json;
        this.pointer = pointer;
    }

    /** The body does not parse as JSON at all. */
    public static MalformedPayloadException notJson(String detail) {
        return new MalformedPayloadException(false, "", detail);
    }

    /** The body is JSON, but the field at {@code pointer} is missing or of the wrong kind. */
    public static MalformedPayloadException unexpected(String pointer, String detail) {
        return new MalformedPayloadException(true, pointer, detail);
    }

    /** Whether the body was JSON (then the shape was wrong), as opposed to not JSON at all. */
    public boolean isJson() {
        return json;
    }

    /** RFC 6901 pointer to the offending place; empty for the whole body. */
    public String pointer() {
        return pointer;
    }
}
