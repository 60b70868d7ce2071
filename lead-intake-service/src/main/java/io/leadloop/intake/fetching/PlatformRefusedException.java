package io.leadloop.intake.fetching;

/**
 * The platform answered a fetch with a client error other than 401, 403, 408 or 429 (for example 400 or 404):
 * by HTTP's word not worth retrying. A platform's fetcher may know better from the error body (Meta's Graph API
 * reports expired tokens and rate limits as 400) and turn it into a {@link LeadFetchFailedException}.
 */
public class PlatformRefusedException extends LeadNotFetchableException {

    private final int status;
    private final String body;

    public PlatformRefusedException(String message, int status, String body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The error body as the platform sent it (may be empty). */
    public String body() {
        return body;
    }
}
