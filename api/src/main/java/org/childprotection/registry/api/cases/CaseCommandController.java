package org.childprotection.registry.api.cases;

import jakarta.validation.Valid;
import org.childprotection.registry.api.cases.CommandRequests.AssessmentBody;
import org.childprotection.registry.api.cases.CommandRequests.AssignmentBody;
import org.childprotection.registry.api.cases.CommandRequests.ClosureBody;
import org.childprotection.registry.api.cases.CommandRequests.ClosureDecisionBody;
import org.childprotection.registry.api.cases.CommandRequests.ErasureBody;
import org.childprotection.registry.api.cases.CommandRequests.ErasureDecisionBody;
import org.childprotection.registry.api.cases.CommandRequests.CorrectionBody;
import org.childprotection.registry.api.cases.CommandRequests.CourtDecisionBody;
import org.childprotection.registry.api.cases.CommandRequests.EmergencyBody;
import org.childprotection.registry.api.cases.CommandRequests.GuardianBody;
import org.childprotection.registry.api.cases.CommandRequests.InterventionBody;
import org.childprotection.registry.api.cases.CommandRequests.ParentalContactBody;
import org.childprotection.registry.api.cases.CommandRequests.ReferralBody;
import org.childprotection.registry.api.cases.CommandRequests.ReferralOutcomeBody;
import org.childprotection.registry.api.cases.CommandRequests.ReopeningBody;
import org.childprotection.registry.api.cases.CommandRequests.TransferBody;
import org.childprotection.registry.api.cases.CommandRequests.TransferDecisionBody;
import org.childprotection.registry.api.cases.CommandRequests.VisitBody;
import org.childprotection.registry.kernel.CaseMetadata;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The commands on an existing case (docs/api.md): a path, the body it takes, and (in the body's type) the command it
 * becomes. Each answers {@code {caseId, version}}; {@link CaseCommandSender} is the one way they are sent.
 */
@RestController
@RequestMapping(path = "/api/cases/{caseId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseCommandController {

    private final CaseCommandSender sender;
    private final Assignees assignees;
    private final TransferDestinations destinations;

    public CaseCommandController(CaseCommandSender sender, Assignees assignees, TransferDestinations destinations) {
        this.sender = sender;
        this.assignees = assignees;
        this.destinations = destinations;
    }

    @PostMapping("/assessments")
    CommandAnswer assess(@Valid @RequestBody AssessmentBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/guardian")
    CommandAnswer guardian(@Valid @RequestBody GuardianBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/visits")
    CommandAnswer visit(@Valid @RequestBody VisitBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/parental-contacts")
    CommandAnswer parentalContact(@Valid @RequestBody ParentalContactBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/referrals")
    CommandAnswer refer(@Valid @RequestBody ReferralBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/referrals/{referralId}/outcome")
    CommandAnswer referralOutcome(@Valid @RequestBody ReferralOutcomeBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/emergency")
    CommandAnswer emergency(@Valid @RequestBody EmergencyBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/interventions")
    CommandAnswer intervene(@Valid @RequestBody InterventionBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/interventions/{interventionId}/decision")
    CommandAnswer courtDecision(@Valid @RequestBody CourtDecisionBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/closure")
    CommandAnswer requestClosure(@Valid @RequestBody ClosureBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/closure/decision")
    CommandAnswer decideClosure(@Valid @RequestBody ClosureDecisionBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/erasure")
    CommandAnswer requestErasure(@Valid @RequestBody ErasureBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    /** A supervisor other than the one who asked, or an oversight official (four eyes). */
    @PostMapping("/erasure/decision")
    CommandAnswer decideErasure(@Valid @RequestBody ErasureDecisionBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/reopening")
    CommandAnswer reopen(@Valid @RequestBody ReopeningBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    /** The request; the API knows the users, so it refuses a destination that nobody could accept. */
    @PostMapping("/transfer")
    CommandAnswer transfer(@Valid @RequestBody TransferBody body, CaseCommandContext on) {
        destinations.check(body.villageCode(), on.user());
        return sender.send(on, body);
    }

    @PostMapping("/transfer/decision")
    CommandAnswer decideTransfer(@Valid @RequestBody TransferDecisionBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    @PostMapping("/corrections")
    CommandAnswer correct(@Valid @RequestBody CorrectionBody body, CaseCommandContext on) {
        return sender.send(on, body);
    }

    /**
     * The API knows the users, the domain does not: a named assignee is checked here, before the command is sent
     * with their jurisdictions, which the case checks against its village (the domain names a missing assignee).
     */
    @PostMapping("/assignment")
    CommandAnswer assign(@Valid @RequestBody AssignmentBody body, CaseCommandContext on) {
        if (body.caseworker() == null || body.caseworker().isBlank()) {
            return sender.send(on, body);
        }
        return sender.send(on, body, Map.of(CaseMetadata.ASSIGNEE_JURISDICTIONS, assignees.check(body.caseworker())));
    }
}
