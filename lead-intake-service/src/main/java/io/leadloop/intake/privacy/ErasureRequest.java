package io.leadloop.intake.privacy;

/**
 * Who is to be forgotten: by email, phone or leadId (at least one), and who asks.
 *
 * @param requestedBy recorded on {@code PersonErased}; once callers are authenticated (issue 9's roles) the caller's
 *                    identity replaces it
 */
public record ErasureRequest(String email, String phone, String leadId, String requestedBy) {
}
