package io.leadloop.qualification.web;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.qualification.learning.RejectionReasonPredictors;
import io.leadloop.qualification.streams.QualificationStores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Shows marketing which lead fields predict a rejection reason ("bad contact data", "not a fit", ...). */
@RestController
@RequestMapping(path = "/api/v1/learning/rejection-reasons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Learning", description = "What qualification learned from sales outcomes")
class RejectionReasonsController {

    private static final int MAX_PREDICTORS = 10;

    private final QualificationStores stores;

    RejectionReasonsController(QualificationStores stores) {
        this.stores = stores;
    }

    @GetMapping("/{reasonCode}")
    @Operation(summary = "The features most typical of leads rejected with this reason, against all rejections")
    @ApiResponse(responseCode = "200", description = "What was learned so far (empty for a reason never given)")
    @ApiResponse(responseCode = "503", description = "The model is not queryable right now",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    RejectionReasonPredictors predictors(
            @Parameter(description = "A reason code of feedback's taxonomy, e.g. bad-contact-data") @PathVariable String reasonCode,
            @Parameter(description = "The model segment: all, or a source channel with segment-by=channel")
            @RequestParam(defaultValue = "all") String segment) {
        return stores.rejectionReason(segment, reasonCode, MAX_PREDICTORS);
    }
}
