package io.leadloop.intake.capture;

/**
 * What became of a delivery.
 *
 * @param leadId the lead it is (new, or the person's existing lead)
 * @param touch which touch on the lead this delivery was (1 = the person's first); 0 for a repeat delivery
 * @param repeat the delivery had been taken before: nothing was published
 */
public record CaptureResult(String leadId, int touch, boolean repeat) {
}
