package org.childprotection.registry.api.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** Body of POST /api/cases (docs/api.md). Shapes and limits are checked here; the rules, by the domain. */
public record RegistrationRequest(@NotNull @Valid ChildBody child,
                                  @NotNull @Valid ParentBody father,
                                  @NotNull @Valid ParentBody mother,
                                  @Valid CaregiverBody caregiver,
                                  @NotNull @Valid ReportBody report,
                                  @Size(max = Limits.REASON) String reason) {

    public record ChildBody(@NotBlank @Size(max = Limits.NAME) String name,
                            @NotNull Sex sex,
                            @NotNull LocalDate dateOfBirth,
                            @Size(max = 18) String idNumber,
                            @NotNull Hukou hukou,
                            @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code")
                            String villageCode,
                            @Size(max = Limits.LINE) String school) {
    }

    public record ParentBody(@NotNull ParentStatus status, @Size(max = Limits.LINE) String workLocation) {
    }

    public record CaregiverBody(@NotBlank @Size(max = Limits.NAME) String name,
                                @NotNull Relationship relationship,
                                @NotNull @Min(0) @Max(120) Integer age,
                                @NotNull GuardianCapacity capacity) {
    }

    public record ReportBody(@NotNull ReportSource source,
                             @Size(max = 4) List<@NotNull MandatoryReportingTrigger> triggers,
                             @NotBlank @Size(max = Limits.TEXT) String description) {
    }

    RegisterChild toCommand(String caseId) {
        return new RegisterChild(caseId,
                new Child(child.name(), child.sex(), child.dateOfBirth(), child.idNumber(), child.hukou(),
                        child.villageCode(), child.school()),
                new Parent(father.status(), father.workLocation()),
                new Parent(mother.status(), mother.workLocation()),
                caregiver == null ? null : new Caregiver(caregiver.name(), caregiver.relationship(), caregiver.age(),
                        caregiver.capacity()),
                new Report(report.source(), report.triggers() == null ? List.of() : report.triggers(),
                        report.description()));
    }
}
