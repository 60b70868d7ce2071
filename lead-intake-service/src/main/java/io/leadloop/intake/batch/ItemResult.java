package io.leadloop.intake.batch;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadloop.intake.capture.CaptureResult;
import io.leadloop.intake.lead.FieldProblem;

/**
 * What became of one item of a batch; {@code status} is what {@code POST /api/v1/leads} would have answered for
 * it alone.
 *
 * @param index the item's position in the request
 * @param status 202 taken (or recognised as a repeat), 400 invalid (do not resend as is), 503 not taken right now
 *     (resend after {@code retryAfter} seconds), 500 a fault of ours
 * @param leadId for 202: the lead it is
 * @param touch for 202: which touch on the lead (0 for a repeat)
 * @param repeat for 202: it had been taken before; nothing new was published
 * @param type for refusals: the problem type, as on the single-lead endpoint
 * @param errors for 400: every offending field, by JSON pointer into the whole batch ({@code /1/email})
 * @param retryAfter for 503: seconds to wait before resending this item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemResult(int index, int status, String leadId, Integer touch, Boolean repeat, URI type,
        List<FieldProblem> errors, Long retryAfter) {

    static final URI INVALID_LEAD = URI.create("https://leadloop.io/problems/invalid-lead");
    static final URI KAFKA_UNAVAILABLE = URI.create("https://leadloop.io/problems/kafka-unavailable");
    static final URI INTERNAL_ERROR = URI.create("https://leadloop.io/problems/internal-error");

    static ItemResult accepted(int index, CaptureResult result) {
        return new ItemResult(index, 202, result.leadId(), result.touch(), result.repeat(), null, null, null);
    }

    static ItemResult invalid(int index, List<FieldProblem> errors) {
        return new ItemResult(index, 400, null, null, null, INVALID_LEAD, List.copyOf(errors), null);
    }

    static ItemResult unavailable(int index, long retryAfterSeconds) {
        return new ItemResult(index, 503, null, null, null, KAFKA_UNAVAILABLE, null, retryAfterSeconds);
    }

    static ItemResult failed(int index) {
        return new ItemResult(index, 500, null, null, null, INTERNAL_ERROR, null, null);
    }
}
