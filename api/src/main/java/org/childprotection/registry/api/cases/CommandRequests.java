package org.childprotection.registry.api.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.closure.ClosureReason;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
import org.childprotection.registry.erasure.DecideErasure;
import org.childprotection.registry.erasure.ErasureBasis;
import org.childprotection.registry.erasure.RequestErasure;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.RecordParentalContact;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.emergency.DeclareEmergency;
import org.childprotection.registry.emergency.EmergencyAction;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.RecordEntrustedGuardian;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.intervention.FileGuardianshipIntervention;
import org.childprotection.registry.intervention.InterventionGrounds;
import org.childprotection.registry.intervention.NewGuardian;
import org.childprotection.registry.intervention.RecordCourtDecision;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.referral.RecordReferralOutcome;
import org.childprotection.registry.referral.ReferToService;
import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.referral.Service;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.transfer.DecideTransfer;
import org.childprotection.registry.transfer.RequestTransfer;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.childprotection.registry.visit.VisitorRole;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The bodies of the case commands (docs/api.md), each with the command it becomes. Every body may carry a
 * {@code reason}; where docs/api.md names the reason field of a command, that field is it.
 *
 * <p>What is checked where: whether a field is present, and every rule, only by the domain, which names every
 * missing or malformed field of a command at once and checks them before the case's state; the API answers a
 * missing field, or several bad ones, as {@code invalid-input} and one broken rule by its name, naming each field
 * in {@code errors[].field} (see {@code ApiExceptionHandler}). A body therefore
 * passes absent fields on as null, and its flags and ages are boxed so that absence reaches the domain. One
 * exception to "fields first": a command refused on a closed case is answered {@code case-closed} (409) by the
 * case's one table of commands, before its fields are looked at. The annotations here are what the domain does
 * not do: the caps that protect the server and the projections ({@link Limits}, list sizes, the phone's
 * characters), and the published shape of a body: {@code @Schema(requiredMode = REQUIRED)} only tells
 * /v3/api-docs which fields are required, it checks nothing. The village code's pattern, the ages' bounds and
 * the emergency's one action at least are in the document too, and answer before the case is looked up; the
 * domain checks them again as its rules (and refuses an absent list of actions).
 */
public final class CommandRequests {

    private CommandRequests() {
    }

    public record AssessmentBody(@Schema(requiredMode = REQUIRED) RiskLevel riskLevel,
                                 @Size(max = 11) List<RiskFactor> factors,
                                 @Schema(requiredMode = REQUIRED) @Size(max = Limits.TEXT) String summary,
                                 @Size(max = Limits.REASON) String reason)
            implements CommandBody<RecordRiskAssessment> {

        @Override
        public RecordRiskAssessment toCommand(CaseTarget target) {
            return new RecordRiskAssessment(target.caseId(), riskLevel, factors, summary);
        }

        @Override
        public String auditReason() {
            return either(reason, summary);
        }
    }

    public record AssignmentBody(@Schema(requiredMode = REQUIRED) @Size(max = Limits.NAME) String caseworker,
                                 @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<AssignCaseworker> {

        @Override
        public AssignCaseworker toCommand(CaseTarget target) {
            return new AssignCaseworker(target.caseId(), caseworker);
        }
    }

    public record GuardianBody(@Schema(requiredMode = REQUIRED) @Size(max = Limits.NAME) String name,
                               @Schema(requiredMode = REQUIRED) Relationship relationship,
                               @Schema(requiredMode = REQUIRED) @Min(0) @Max(120) Integer age,
                               @Schema(requiredMode = REQUIRED) GuardianCapacity capacity,
                               @Schema(requiredMode = REQUIRED) Boolean agreementSigned,
                               @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "must be a phone number")
                               String phone,
                               @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<RecordEntrustedGuardian> {

        @Override
        public RecordEntrustedGuardian toCommand(CaseTarget target) {
            return new RecordEntrustedGuardian(target.caseId(), name, relationship, age, capacity, agreementSigned,
                    phone);
        }
    }

    public record VisitBody(@Schema(requiredMode = REQUIRED) LocalDate visitDate,
                            @Schema(requiredMode = REQUIRED) VisitorRole visitorRole,
                            @Schema(requiredMode = REQUIRED) Boolean childSeen,
                            @Schema(requiredMode = REQUIRED) @Size(max = Limits.TEXT) String observations,
                            @Size(max = 11) List<RiskFactor> concerns,
                            @Size(max = Limits.REASON) String reason) implements CommandBody.Reasoned<RecordHomeVisit> {

        @Override
        public RecordHomeVisit toCommand(CaseTarget target) {
            return new RecordHomeVisit(target.caseId(), visitDate, visitorRole, childSeen, observations, concerns);
        }
    }

    public record ParentalContactBody(@Schema(requiredMode = REQUIRED) LocalDate date,
                                      @Schema(requiredMode = REQUIRED) ParentRole parent,
                                      @Schema(requiredMode = REQUIRED) ContactChannel channel,
                                      @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<RecordParentalContact> {

        @Override
        public RecordParentalContact toCommand(CaseTarget target) {
            return new RecordParentalContact(target.caseId(), date, parent, channel);
        }
    }

    /** Opens a referral under a new id, which the answer returns. */
    public record ReferralBody(@Schema(requiredMode = REQUIRED) Service service,
                               @Schema(requiredMode = REQUIRED) @Size(max = Limits.LINE) String provider,
                               @Size(max = Limits.TEXT) String note,
                               @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<ReferToService> {

        @Override
        public ReferToService toCommand(CaseTarget target) {
            return new ReferToService(target.caseId(), UUID.randomUUID().toString(), service, provider, note);
        }

        @Override
        public CommandAnswer answer(CaseTarget target, ReferToService command, long version) {
            return new CommandAnswer(target.caseId(), version, command.referralId(), null);
        }
    }

    public record ReferralOutcomeBody(@Schema(requiredMode = REQUIRED) ReferralOutcome outcome,
                                      @Size(max = Limits.TEXT) String note,
                                      @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<RecordReferralOutcome> {

        @Override
        public RecordReferralOutcome toCommand(CaseTarget target) {
            return new RecordReferralOutcome(target.caseId(), target.referralId(), outcome, note);
        }
    }

    public record EmergencyBody(@Schema(requiredMode = REQUIRED) MandatoryReportingTrigger trigger,
                                @Schema(requiredMode = REQUIRED) @Size(min = 1, max = 5) List<EmergencyAction> actions,
                                Placement placement,
                                @Schema(requiredMode = REQUIRED) @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<DeclareEmergency> {

        @Override
        public DeclareEmergency toCommand(CaseTarget target) {
            return new DeclareEmergency(target.caseId(), trigger, actions, placement, reason);
        }
    }

    /** Files an intervention under a new id, which the answer returns. */
    public record InterventionBody(@Schema(requiredMode = REQUIRED) InterventionGrounds grounds,
                                   @Schema(requiredMode = REQUIRED) @Size(max = Limits.LINE) String court,
                                   @Schema(requiredMode = REQUIRED) @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<FileGuardianshipIntervention> {

        @Override
        public FileGuardianshipIntervention toCommand(CaseTarget target) {
            return new FileGuardianshipIntervention(target.caseId(), UUID.randomUUID().toString(), grounds, court,
                    reason);
        }

        @Override
        public CommandAnswer answer(CaseTarget target, FileGuardianshipIntervention command, long version) {
            return new CommandAnswer(target.caseId(), version, null, command.interventionId());
        }
    }

    public record NewGuardianBody(@Schema(requiredMode = REQUIRED) @Size(max = Limits.NAME) String name,
                                  @Schema(requiredMode = REQUIRED) Relationship relationship,
                                  @Schema(requiredMode = REQUIRED) @Min(0) @Max(120) Integer age) {

        NewGuardian toGuardian() {
            return new NewGuardian(name, relationship, age);
        }
    }

    public record CourtDecisionBody(@Schema(requiredMode = REQUIRED) Boolean granted,
                                    @Valid NewGuardianBody newGuardian,
                                    @Size(max = Limits.TEXT) String note,
                                    @Size(max = Limits.REASON) String reason)
            implements CommandBody<RecordCourtDecision> {

        @Override
        public RecordCourtDecision toCommand(CaseTarget target) {
            return new RecordCourtDecision(target.caseId(), target.interventionId(), granted,
                    newGuardian == null ? null : newGuardian.toGuardian(), note);
        }

        @Override
        public String auditReason() {
            return either(reason, note);
        }
    }

    /** Here {@code reason} is the closure reason (docs/api.md); the recorded reason is it with the note. */
    public record ClosureBody(@Schema(requiredMode = REQUIRED) ClosureReason reason,
                              @Size(max = Limits.TEXT) String note) implements CommandBody<RequestClosure> {

        @Override
        public RequestClosure toCommand(CaseTarget target) {
            return new RequestClosure(target.caseId(), reason, note);
        }

        @Override
        public String auditReason() {
            return (reason == null ? "" : reason.name()) + (note == null || note.isBlank() ? "" : ": " + note);
        }
    }

    public record ClosureDecisionBody(@Schema(requiredMode = REQUIRED) Boolean approve,
                                      @Size(max = Limits.TEXT) String note,
                                      @Size(max = Limits.REASON) String reason) implements CommandBody<DecideClosure> {

        @Override
        public DecideClosure toCommand(CaseTarget target) {
            return new DecideClosure(target.caseId(), approve, note);
        }

        @Override
        public String auditReason() {
            return either(reason, note);
        }
    }

    public record ReopeningBody(@Schema(requiredMode = REQUIRED) @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<ReopenCase> {

        @Override
        public ReopenCase toCommand(CaseTarget target) {
            return new ReopenCase(target.caseId(), reason);
        }
    }

    /** A supervisor asks for the erasure of the case's personal data, on a legal basis (docs/erasure.md). */
    public record ErasureBody(@Schema(requiredMode = REQUIRED) ErasureBasis basis,
                              @Schema(requiredMode = REQUIRED) @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<RequestErasure> {

        @Override
        public RequestErasure toCommand(CaseTarget target) {
            return new RequestErasure(target.caseId(), basis, reason);
        }
    }

    public record ErasureDecisionBody(@Schema(requiredMode = REQUIRED) Boolean approve,
                                      @Size(max = Limits.TEXT) String note,
                                      @Size(max = Limits.REASON) String reason) implements CommandBody<DecideErasure> {

        @Override
        public DecideErasure toCommand(CaseTarget target) {
            return new DecideErasure(target.caseId(), approve, note);
        }

        @Override
        public String auditReason() {
            return either(reason, note);
        }
    }

    public record TransferBody(@Schema(requiredMode = REQUIRED)
                               @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code")
                               String villageCode,
                               @Schema(requiredMode = REQUIRED) @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<RequestTransfer> {

        @Override
        public RequestTransfer toCommand(CaseTarget target) {
            return new RequestTransfer(target.caseId(), villageCode, reason);
        }
    }

    public record TransferDecisionBody(@Schema(requiredMode = REQUIRED) Boolean accept,
                                       @Size(max = Limits.TEXT) String note,
                                       @Size(max = Limits.REASON) String reason)
            implements CommandBody<DecideTransfer> {

        @Override
        public DecideTransfer toCommand(CaseTarget target) {
            return new DecideTransfer(target.caseId(), accept, note);
        }

        @Override
        public String auditReason() {
            return either(reason, note);
        }
    }

    public record CorrectionBody(@Schema(requiredMode = REQUIRED) @Size(max = 255) String eventId,
                                 @Schema(requiredMode = REQUIRED) @Size(max = 100) String field,
                                 @Schema(requiredMode = REQUIRED) @Size(max = Limits.TEXT) String value,
                                 @Schema(requiredMode = REQUIRED) @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<CorrectRecord> {

        @Override
        public CorrectRecord toCommand(CaseTarget target) {
            return new CorrectRecord(target.caseId(), eventId, field, value, reason);
        }
    }

    /** The body's own reason, or else the text that explains the command. */
    private static String either(String reason, String fallback) {
        return reason != null && !reason.isBlank() ? reason : fallback;
    }
}
