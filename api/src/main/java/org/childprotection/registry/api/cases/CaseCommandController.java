package org.childprotection.registry.api.cases;

import jakarta.validation.Valid;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
import org.childprotection.registry.contact.RecordParentalContact;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.emergency.DeclareEmergency;
import org.childprotection.registry.guardian.RecordEntrustedGuardian;
import org.childprotection.registry.intervention.CourtAppointedGuardian;
import org.childprotection.registry.intervention.FileGuardianshipIntervention;
import org.childprotection.registry.intervention.RecordCourtDecision;
import org.childprotection.registry.referral.RecordReferralOutcome;
import org.childprotection.registry.referral.ReferToService;
import org.childprotection.registry.transfer.TransferCase;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The commands on an existing case (docs/api.md): each answers {@code {caseId, version}}. */
@RestController
@RequestMapping(path = "/api/cases/{caseId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseCommandController {

    private final CaseCommandSender sender;
    private final Assignees assignees;

    public CaseCommandController(CaseCommandSender sender, Assignees assignees) {
        this.sender = sender;
        this.assignees = assignees;
    }

    @PostMapping("/assessments")
    CommandAnswer assess(@PathVariable String caseId, @Valid @RequestBody CommandRequests.AssessmentBody body,
                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                         @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new RecordRiskAssessment(caseId, body.riskLevel(),
                orEmpty(body.factors()), body.summary()), either(body.reason(), body.summary()), ifMatch));
    }

    @PostMapping("/assignment")
    CommandAnswer assign(@PathVariable String caseId, @Valid @RequestBody CommandRequests.AssignmentBody body,
                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                         @AuthenticationPrincipal RegistryUser user) {
        assignees.check(body.caseworker(), caseId, user);
        return answer(caseId, sender.send(user, caseId, new AssignCaseworker(caseId, body.caseworker()),
                body.reason(), ifMatch));
    }

    @PostMapping("/guardian")
    CommandAnswer guardian(@PathVariable String caseId, @Valid @RequestBody CommandRequests.GuardianBody body,
                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                           @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new RecordEntrustedGuardian(caseId, body.name(),
                body.relationship(), body.age(), body.capacity(), body.agreementSigned(), body.phone()),
                body.reason(), ifMatch));
    }

    @PostMapping("/visits")
    CommandAnswer visit(@PathVariable String caseId, @Valid @RequestBody CommandRequests.VisitBody body,
                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                        @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new RecordHomeVisit(caseId, body.visitDate(),
                body.visitorRole(), body.childSeen(), body.observations(), orEmpty(body.concerns())),
                body.reason(), ifMatch));
    }

    @PostMapping("/parental-contacts")
    CommandAnswer parentalContact(@PathVariable String caseId, @Valid @RequestBody CommandRequests.ParentalContactBody body,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new RecordParentalContact(caseId, body.date(),
                body.parent(), body.channel()), body.reason(), ifMatch));
    }

    @PostMapping("/referrals")
    CommandAnswer refer(@PathVariable String caseId, @Valid @RequestBody CommandRequests.ReferralBody body,
                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                        @AuthenticationPrincipal RegistryUser user) {
        String referralId = UUID.randomUUID().toString();
        long version = sender.send(user, caseId, new ReferToService(caseId, referralId, body.service(),
                body.provider(), body.note()), body.reason(), ifMatch);
        return new CommandAnswer(caseId, version, referralId, null);
    }

    @PostMapping("/referrals/{referralId}/outcome")
    CommandAnswer referralOutcome(@PathVariable String caseId, @PathVariable String referralId,
                                  @Valid @RequestBody CommandRequests.ReferralOutcomeBody body,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new RecordReferralOutcome(caseId, referralId,
                body.outcome(), body.note()), body.reason(), ifMatch));
    }

    @PostMapping("/emergency")
    CommandAnswer emergency(@PathVariable String caseId, @Valid @RequestBody CommandRequests.EmergencyBody body,
                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                            @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new DeclareEmergency(caseId, body.trigger(),
                body.actions(), body.placement(), body.reason()), body.reason(), ifMatch));
    }

    @PostMapping("/interventions")
    CommandAnswer intervene(@PathVariable String caseId, @Valid @RequestBody CommandRequests.InterventionBody body,
                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                            @AuthenticationPrincipal RegistryUser user) {
        String interventionId = UUID.randomUUID().toString();
        long version = sender.send(user, caseId, new FileGuardianshipIntervention(caseId, interventionId,
                body.grounds(), body.court(), body.reason()), body.reason(), ifMatch);
        return new CommandAnswer(caseId, version, null, interventionId);
    }

    @PostMapping("/interventions/{interventionId}/decision")
    CommandAnswer courtDecision(@PathVariable String caseId, @PathVariable String interventionId,
                                @Valid @RequestBody CommandRequests.CourtDecisionBody body,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @AuthenticationPrincipal RegistryUser user) {
        CommandRequests.NewGuardianBody guardian = body.newGuardian();
        return answer(caseId, sender.send(user, caseId, new RecordCourtDecision(caseId, interventionId,
                body.granted(), guardian == null ? null
                : new CourtAppointedGuardian(guardian.name(), guardian.relationship(), guardian.age()),
                body.note()), either(body.reason(), body.note()), ifMatch));
    }

    @PostMapping("/closure")
    CommandAnswer requestClosure(@PathVariable String caseId, @Valid @RequestBody CommandRequests.ClosureBody body,
                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @AuthenticationPrincipal RegistryUser user) {
        String reason = body.reason().name() + (body.note() == null || body.note().isBlank() ? "" : ": " + body.note());
        return answer(caseId, sender.send(user, caseId, new RequestClosure(caseId, body.reason(), body.note()),
                reason, ifMatch));
    }

    @PostMapping("/closure/decision")
    CommandAnswer decideClosure(@PathVariable String caseId, @Valid @RequestBody CommandRequests.ClosureDecisionBody body,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new DecideClosure(caseId, body.approve(), body.note()),
                either(body.reason(), body.note()), ifMatch));
    }

    @PostMapping("/reopening")
    CommandAnswer reopen(@PathVariable String caseId, @Valid @RequestBody CommandRequests.ReopeningBody body,
                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                         @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new ReopenCase(caseId, body.reason()), body.reason(), ifMatch));
    }

    @PostMapping("/transfer")
    CommandAnswer transfer(@PathVariable String caseId, @Valid @RequestBody CommandRequests.TransferBody body,
                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                           @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new TransferCase(caseId, body.villageCode(), body.reason()),
                body.reason(), ifMatch));
    }

    @PostMapping("/corrections")
    CommandAnswer correct(@PathVariable String caseId, @Valid @RequestBody CommandRequests.CorrectionBody body,
                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                          @AuthenticationPrincipal RegistryUser user) {
        return answer(caseId, sender.send(user, caseId, new CorrectRecord(caseId, body.eventId(), body.field(),
                body.value(), body.reason()), body.reason(), ifMatch));
    }

    private static CommandAnswer answer(String caseId, long version) {
        return new CommandAnswer(caseId, version);
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String either(String reason, String fallback) {
        return reason != null && !reason.isBlank() ? reason : fallback;
    }
}
