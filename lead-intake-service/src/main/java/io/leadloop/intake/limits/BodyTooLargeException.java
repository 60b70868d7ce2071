package io.leadloop.intake.limits;

import java.io.IOException;

/**
 * A request body grew past its route's cap while being read (a chunked body, or a Content-Length that lied).
 * An {@link IOException} because it is a failure of the stream; {@link LimitProblems} answers it 413 wherever in
 * the cause chain of a read failure it turns up.
 */
public class BodyTooLargeException extends IOException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
