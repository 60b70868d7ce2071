package io.leadloop.intake.privacy;

/**
 * Who is to be forgotten: by email, phone or leadId (at least one), and who asks.
 *
 * @param requestedBy recorded on {@code PersonErased}; when callers are authenticated, the caller's subject
 *                    replaces it
 */
public record ErasureRequest(String email, String phone, String leadId, String requestedBy) {
}
