package org.childprotection.registry.api.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.closure.ClosureReason;
import org.childprotection.registry.contact.ContactChannel;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.emergency.EmergencyAction;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.intervention.InterventionGrounds;
import org.childprotection.registry.referral.ReferralOutcome;
import org.childprotection.registry.referral.Service;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.visit.VisitorRole;

import java.time.LocalDate;
import java.util.List;

/**
 * The bodies of the case commands (docs/api.md). Shapes and limits are checked here; the rules, by the domain.
 * Every body may carry a {@code reason}; where docs/domain.md names the reason field of a command, that
 * field is it.
 */
public final class CommandRequests {

    private CommandRequests() {
    }

    public record AssessmentBody(@NotNull RiskLevel riskLevel,
                             @Size(max = 11) List<@NotNull RiskFactor> factors,
                             @NotBlank @Size(max = Limits.TEXT) String summary,
                             @Size(max = Limits.REASON) String reason) {
    }

    public record AssignmentBody(@NotBlank @Size(max = Limits.NAME) String caseworker,
                             @Size(max = Limits.REASON) String reason) {
    }

    public record GuardianBody(@NotBlank @Size(max = Limits.NAME) String name,
                           @NotNull Relationship relationship,
                           @NotNull @Min(0) @Max(120) Integer age,
                           @NotNull GuardianCapacity capacity,
                           @NotNull Boolean agreementSigned,
                           @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "must be a phone number") String phone,
                           @Size(max = Limits.REASON) String reason) {
    }

    public record VisitBody(@NotNull LocalDate visitDate,
                        @NotNull VisitorRole visitorRole,
                        @NotNull Boolean childSeen,
                        @NotBlank @Size(max = Limits.TEXT) String observations,
                        @Size(max = 11) List<@NotNull RiskFactor> concerns,
                        @Size(max = Limits.REASON) String reason) {
    }

    public record ParentalContactBody(@NotNull LocalDate date,
                                  @NotNull ParentRole parent,
                                  @NotNull ContactChannel channel,
                                  @Size(max = Limits.REASON) String reason) {
    }

    public record ReferralBody(@NotNull Service service,
                           @NotBlank @Size(max = Limits.LINE) String provider,
                           @Size(max = Limits.TEXT) String note,
                           @Size(max = Limits.REASON) String reason) {
    }

    public record ReferralOutcomeBody(@NotNull ReferralOutcome outcome,
                                      @Size(max = Limits.TEXT) String note,
                                      @Size(max = Limits.REASON) String reason) {
    }

    public record EmergencyBody(@NotNull MandatoryReportingTrigger trigger,
                            @NotNull @Size(min = 1, max = 5) List<@NotNull EmergencyAction> actions,
                            Placement placement,
                            @NotBlank @Size(max = Limits.REASON) String reason) {
    }

    public record InterventionBody(@NotNull InterventionGrounds grounds,
                               @NotBlank @Size(max = Limits.LINE) String court,
                               @NotBlank @Size(max = Limits.REASON) String reason) {
    }

    public record NewGuardianBody(@NotBlank @Size(max = Limits.NAME) String name,
                              @NotNull Relationship relationship,
                              @NotNull @Min(0) @Max(120) Integer age) {
    }

    public record CourtDecisionBody(@NotNull Boolean granted,
                                @Valid NewGuardianBody newGuardian,
                                @Size(max = Limits.TEXT) String note,
                                @Size(max = Limits.REASON) String reason) {
    }

    public record ClosureBody(@NotNull ClosureReason reason,
                          @Size(max = Limits.TEXT) String note) {
    }

    public record ClosureDecisionBody(@NotNull Boolean approve,
                                  @Size(max = Limits.TEXT) String note,
                                  @Size(max = Limits.REASON) String reason) {
    }

    public record ReopeningBody(@NotBlank @Size(max = Limits.REASON) String reason) {
    }

    public record TransferBody(@NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code")
                           String villageCode,
                           @NotBlank @Size(max = Limits.REASON) String reason) {
    }

    public record CorrectionBody(@NotBlank @Size(max = 255) String eventId,
                             @NotBlank @Size(max = 100) String field,
                             @NotNull @Size(max = Limits.TEXT) String value,
                             @NotBlank @Size(max = Limits.REASON) String reason) {
    }
}
