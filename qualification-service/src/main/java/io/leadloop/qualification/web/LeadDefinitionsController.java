package io.leadloop.qualification.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.qualification.access.DefinitionApprovers;
import io.leadloop.qualification.definitions.Approval;
import io.leadloop.qualification.definitions.Violation;
import io.leadloop.qualification.streams.LeadDefinitions;
import io.leadloop.qualification.streams.StreamsInstances;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Lead definitions marketing and sales agree on: propose a version, compare it with the active one, approve it.
 * Who proposes and approves is the caller's token subject once access control is on ({@link DefinitionApprovers}).
 */
@RestController
@RequestMapping(path = "/api/v1/definitions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lead definitions", description = "Versioned lead definitions, active once marketing and sales approved")
class LeadDefinitionsController {

    private final LeadDefinitions definitions;
    private final DefinitionApprovers approvers;

    LeadDefinitionsController(LeadDefinitions definitions, DefinitionApprovers approvers) {
        this.definitions = definitions;
        this.approvers = approvers;
    }

    /** Taken as a raw string so that every bad field, wrong types included, is reported by its JSON pointer. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose a definition version (a complete document; GET .../active for a starting point)")
    @ApiResponse(responseCode = "201", description = "Proposed; waiting for one marketing and one sales approval")
    @ApiResponse(responseCode = "400", description = "Invalid: `errors` names each bad field by JSON pointer",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The version exists already",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<LeadDefinitionResponse> propose(@RequestBody String document,
            @RequestParam(name = "proposedBy", required = false) String proposedBy) {
        var proposed = definitions.propose(document, approvers.identity(proposedBy));
        return ResponseEntity.created(URI.create("/api/v1/definitions/" + proposed.version()))
                .body(LeadDefinitionResponse.of(proposed, false));
    }

    @GetMapping("/active")
    @Operation(summary = "The definition leads are scored with now")
    LeadDefinitionResponse active() {
        return LeadDefinitionResponse.of(definitions.active(), true);
    }

    @GetMapping("/{version}")
    @Operation(summary = "A definition version, its approvals and whether it is active")
    @ApiResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    LeadDefinitionResponse definition(@PathVariable String version) {
        var state = definitions.get(version);
        return LeadDefinitionResponse.of(state, state.version().equals(definitions.active().version()));
    }

    @GetMapping("/{version}/diff")
    @Operation(summary = "Every field this version changes against the active one")
    LeadDefinitionDiffResponse diff(@PathVariable String version) {
        return new LeadDefinitionDiffResponse(version, definitions.active().version(),
                definitions.diff(version).stream().map(LeadDefinitionDiffResponse.Change::of).toList());
    }

    @GetMapping("/{version}/backtest")
    @Operation(summary = "Replay the leads and outcomes seen so far under this version and the active one, side by side",
            description = "Every lead scored so far (as last scored) with the outcome sales reported for it: MQLs each "
                    + "version would have made, how many of those were accepted and won, the rates over MQLs with an "
                    + "outcome, and the leads whose stage would change. Covers every partition: other instances are "
                    + "asked for theirs. `against` compares with another version instead of the active one.")
    @ApiResponse(responseCode = "200", description = "The backtest")
    @ApiResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Some leads cannot be read right now (starting, rebalancing)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    BacktestResponse backtest(@PathVariable String version,
            @RequestParam(name = "against", required = false) String against,
            @RequestHeader(name = StreamsInstances.FORWARDED_HEADER, required = false) String forwarded) {
        return BacktestResponse.from(definitions.backtest(version, against, forwarded != null));
    }

    @PostMapping(path = "/{version}/approvals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a version as a marketing or sales approver; the second team's approval activates it")
    @ApiResponse(responseCode = "200", description = "Approved (and active if both teams have approved)")
    @ApiResponse(responseCode = "400", description = "approver missing or team not marketing/sales",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Already active, or this person approved it already",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    LeadDefinitionResponse approve(@PathVariable String version, @RequestBody ApprovalRequest request) {
        List<Violation> violations = new ArrayList<>();
        // Access control on: the token's subject, whatever the body says; off: the body's approver, as before.
        String approver = approvers.identity(request.approver());
        if (approver == null || approver.isBlank()) {
            violations.add(new Violation("/approver", "required: who approves"));
        }
        String team = request.team() == null ? "" : request.team().trim().toLowerCase(Locale.ROOT);
        if (!team.equals(Approval.MARKETING) && !team.equals(Approval.SALES)) {
            violations.add(new Violation("/team", "must be marketing or sales"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidApprovalException(violations);
        }
        approvers.checkMayApproveFor(team);
        var approved = definitions.approve(version, approver, team);
        return LeadDefinitionResponse.of(approved, approved.activated());
    }

    /**
     * @param approver who approves; ignored once access control is on (the token's subject approves)
     * @param team {@code marketing} or {@code sales}
     */
    record ApprovalRequest(String approver, String team) {
    }
}
