package org.childprotection.registry.api.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.closure.ClosureReason;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
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
import org.childprotection.registry.transfer.TransferCase;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.childprotection.registry.visit.VisitorRole;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The bodies of the case commands (SPEC §4), each with the command it becomes. Every body may carry a
 * {@code reason}; where the specification names the reason field of a command, that field is it.
 *
 * <p>What is checked where: the rules, and everything that needs the case, only by the domain. The annotations
 * here are the body's published shape: they are what /v3/api-docs says (required, maxLength, pattern), they
 * answer before the case is looked up, and they name every bad field at once as {@code invalid-input}. Presence
 * stays among them although the domain's {@code Require} checks it too, because the domain alone cannot answer
 * as this API does: its commands carry flags and ages as primitives (an absent {@code approve} would arrive as
 * false), it checks the case's state before some fields (a blank reopening reason on an open case would become
 * a 409) and names one field per refusal under its own rule ({@code required}). The length caps ({@link Limits})
 * are the API's alone: they protect the server and the projections, and the domain has none.
 */
public final class CommandRequests {

    private CommandRequests() {
    }

    public record AssessmentBody(@NotNull RiskLevel riskLevel,
                                 @Size(max = 11) List<@NotNull RiskFactor> factors,
                                 @NotBlank @Size(max = Limits.TEXT) String summary,
                                 @Size(max = Limits.REASON) String reason)
            implements CommandBody<RecordRiskAssessment> {

        @Override
        public RecordRiskAssessment toCommand(CaseTarget target) {
            return new RecordRiskAssessment(target.caseId(), riskLevel, orEmpty(factors), summary);
        }

        @Override
        public String auditReason() {
            return either(reason, summary);
        }
    }

    public record AssignmentBody(@NotBlank @Size(max = Limits.NAME) String caseworker,
                                 @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<AssignCaseworker> {

        @Override
        public AssignCaseworker toCommand(CaseTarget target) {
            return new AssignCaseworker(target.caseId(), caseworker);
        }
    }

    public record GuardianBody(@NotBlank @Size(max = Limits.NAME) String name,
                               @NotNull Relationship relationship,
                               @NotNull @Min(0) @Max(120) Integer age,
                               @NotNull GuardianCapacity capacity,
                               @NotNull Boolean agreementSigned,
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

    public record VisitBody(@NotNull LocalDate visitDate,
                            @NotNull VisitorRole visitorRole,
                            @NotNull Boolean childSeen,
                            @NotBlank @Size(max = Limits.TEXT) String observations,
                            @Size(max = 11) List<@NotNull RiskFactor> concerns,
                            @Size(max = Limits.REASON) String reason) implements CommandBody.Reasoned<RecordHomeVisit> {

        @Override
        public RecordHomeVisit toCommand(CaseTarget target) {
            return new RecordHomeVisit(target.caseId(), visitDate, visitorRole, childSeen, observations,
                    orEmpty(concerns));
        }
    }

    public record ParentalContactBody(@NotNull LocalDate date,
                                      @NotNull ParentRole parent,
                                      @NotNull ContactChannel channel,
                                      @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<RecordParentalContact> {

        @Override
        public RecordParentalContact toCommand(CaseTarget target) {
            return new RecordParentalContact(target.caseId(), date, parent, channel);
        }
    }

    /** Opens a referral under a new id, which the answer returns. */
    public record ReferralBody(@NotNull Service service,
                               @NotBlank @Size(max = Limits.LINE) String provider,
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

    public record ReferralOutcomeBody(@NotNull ReferralOutcome outcome,
                                      @Size(max = Limits.TEXT) String note,
                                      @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<RecordReferralOutcome> {

        @Override
        public RecordReferralOutcome toCommand(CaseTarget target) {
            return new RecordReferralOutcome(target.caseId(), target.referralId(), outcome, note);
        }
    }

    public record EmergencyBody(@NotNull MandatoryReportingTrigger trigger,
                                @NotNull @Size(min = 1, max = 5) List<@NotNull EmergencyAction> actions,
                                Placement placement,
                                @NotBlank @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<DeclareEmergency> {

        @Override
        public DeclareEmergency toCommand(CaseTarget target) {
            return new DeclareEmergency(target.caseId(), trigger, actions, placement, reason);
        }
    }

    /** Files an intervention under a new id, which the answer returns. */
    public record InterventionBody(@NotNull InterventionGrounds grounds,
                                   @NotBlank @Size(max = Limits.LINE) String court,
                                   @NotBlank @Size(max = Limits.REASON) String reason)
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

    public record NewGuardianBody(@NotBlank @Size(max = Limits.NAME) String name,
                                  @NotNull Relationship relationship,
                                  @NotNull @Min(0) @Max(120) Integer age) {

        NewGuardian toGuardian() {
            return new NewGuardian(name, relationship, age);
        }
    }

    public record CourtDecisionBody(@NotNull Boolean granted,
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

    /** Here {@code reason} is the closure reason of SPEC §4; the recorded reason is it with the note. */
    public record ClosureBody(@NotNull ClosureReason reason,
                              @Size(max = Limits.TEXT) String note) implements CommandBody<RequestClosure> {

        @Override
        public RequestClosure toCommand(CaseTarget target) {
            return new RequestClosure(target.caseId(), reason, note);
        }

        @Override
        public String auditReason() {
            return reason.name() + (note == null || note.isBlank() ? "" : ": " + note);
        }
    }

    public record ClosureDecisionBody(@NotNull Boolean approve,
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

    public record ReopeningBody(@NotBlank @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<ReopenCase> {

        @Override
        public ReopenCase toCommand(CaseTarget target) {
            return new ReopenCase(target.caseId(), reason);
        }
    }

    public record TransferBody(@NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code")
                               String villageCode,
                               @NotBlank @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<TransferCase> {

        @Override
        public TransferCase toCommand(CaseTarget target) {
            return new TransferCase(target.caseId(), villageCode, reason);
        }
    }

    public record CorrectionBody(@NotBlank @Size(max = 255) String eventId,
                                 @NotBlank @Size(max = 100) String field,
                                 @NotNull @Size(max = Limits.TEXT) String value,
                                 @NotBlank @Size(max = Limits.REASON) String reason)
            implements CommandBody.Reasoned<CorrectRecord> {

        @Override
        public CorrectRecord toCommand(CaseTarget target) {
            return new CorrectRecord(target.caseId(), eventId, field, value, reason);
        }
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** The body's own reason, or else the text that explains the command. */
    private static String either(String reason, String fallback) {
        return reason != null && !reason.isBlank() ? reason : fallback;
    }
}
