package io.leadloop.feedback.recording;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.feedback.recording.domain.ReasonTaxonomy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The reason codes a rejection or loss may give, for forms and CRM mappings. */
@RestController
@Tag(name = "Feedback", description = "What sales did with a lead")
class FeedbackReasonsController {

    private final ReasonTaxonomy reasons;

    FeedbackReasonsController(ReasonTaxonomy reasons) {
        this.reasons = reasons;
    }

    @GetMapping("/api/v1/feedback/reasons")
    @Operation(summary = "The reason codes of rejections and losses, with labels, in display order")
    List<Reason> reasons() {
        return reasons.labels().entrySet().stream().map(entry -> new Reason(entry.getKey(), entry.getValue())).toList();
    }

    record Reason(String code, String label) {
    }
}
