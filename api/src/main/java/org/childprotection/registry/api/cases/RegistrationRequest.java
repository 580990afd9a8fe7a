package org.childprotection.registry.api.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.Relationship;
import org.childprotection.registry.registration.Caregiver;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.Hukou;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.registration.Report;
import org.childprotection.registry.registration.ReportSource;
import org.childprotection.registry.registration.Sex;

import java.time.LocalDate;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Body of POST /api/cases (docs/api.md). As for the other commands ({@link CommandRequests}): the caps are checked here,
 * whether a field is present and every rule by the domain; {@code @Schema} only documents the required fields.
 */
public record RegistrationRequest(@Schema(requiredMode = REQUIRED) @Valid ChildBody child,
                                  @Schema(requiredMode = REQUIRED) @Valid ParentBody father,
                                  @Schema(requiredMode = REQUIRED) @Valid ParentBody mother,
                                  @Valid CaregiverBody caregiver,
                                  @Schema(requiredMode = REQUIRED) @Valid ReportBody report,
                                  @Size(max = Limits.REASON) String reason) {

    public record ChildBody(@Schema(requiredMode = REQUIRED) @Size(max = Limits.NAME) String name,
                            @Schema(requiredMode = REQUIRED) Sex sex,
                            @Schema(requiredMode = REQUIRED) LocalDate dateOfBirth,
                            @Size(max = 18) String idNumber,
                            @Schema(requiredMode = REQUIRED) Hukou hukou,
                            @Schema(requiredMode = REQUIRED)
                            @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code")
                            String villageCode,
                            @Size(max = Limits.LINE) String school) {
    }

    public record ParentBody(@Schema(requiredMode = REQUIRED) ParentStatus status,
                             @Size(max = Limits.LINE) String workLocation) {
    }

    public record CaregiverBody(@Schema(requiredMode = REQUIRED) @Size(max = Limits.NAME) String name,
                                @Schema(requiredMode = REQUIRED) Relationship relationship,
                                @Schema(requiredMode = REQUIRED) @Min(0) @Max(120) Integer age,
                                @Schema(requiredMode = REQUIRED) GuardianCapacity capacity) {
    }

    public record ReportBody(@Schema(requiredMode = REQUIRED) ReportSource source,
                             @Size(max = 4) List<MandatoryReportingTrigger> triggers,
                             @Schema(requiredMode = REQUIRED) @Size(max = Limits.TEXT) String description) {
    }

    RegisterChild toCommand(String caseId) {
        return new RegisterChild(caseId,
                child == null ? null : new Child(child.name(), child.sex(), child.dateOfBirth(), child.idNumber(),
                        child.hukou(), child.villageCode(), child.school()),
                father == null ? null : new Parent(father.status(), father.workLocation()),
                mother == null ? null : new Parent(mother.status(), mother.workLocation()),
                caregiver == null ? null : new Caregiver(caregiver.name(), caregiver.relationship(), caregiver.age(),
                        caregiver.capacity()),
                report == null ? null : new Report(report.source(), report.triggers(), report.description()));
    }

    /** The village the child lives in, as given, or null; the domain names it when it is missing. */
    String villageCode() {
        return child == null ? null : child.villageCode();
    }
}
