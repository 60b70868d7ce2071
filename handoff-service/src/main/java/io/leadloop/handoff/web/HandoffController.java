package io.leadloop.handoff.web;

import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.handoff.access.HandoffAccess;
import io.leadloop.handoff.assignment.HandoffLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who a lead was handed to and when its first touch is due. */
@RestController
@RequestMapping(path = "/api/v1/handoffs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Handoffs")
class HandoffController {

    private final HandoffLookup handoffs;
    private final HandoffAccess access;

    HandoffController(HandoffLookup handoffs, HandoffAccess access) {
        this.handoffs = handoffs;
        this.access = access;
    }

    @GetMapping("/{leadId}")
    @Operation(summary = "The handoff of a lead: owner, routing reason, SLA due time")
    @ApiResponse(responseCode = "200", description = "The lead was handed off")
    @ApiResponse(responseCode = "404", description = "No handoff for this lead (not an MQL, or not processed yet)")
    @ApiResponse(responseCode = "503", description = "The handoff store is restoring or rebalancing; retry")
    HandoffView handoff(@PathVariable String leadId) {
        try (var ignored = MDC.putCloseable("leadId", leadId)) {
            // Another rep's lead answers like an unknown one: a 403 would say that it exists.
            return handoffs.find(leadId).filter(access::maySee).map(HandoffView::of)
                    .orElseThrow(() -> new HandoffNotFoundException(leadId));
        }
    }
}
