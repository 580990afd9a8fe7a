package org.childprotection.registry.testsupport;

import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.Hukou;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.childprotection.registry.registration.Report;
import org.childprotection.registry.registration.ReportSource;
import org.childprotection.registry.registration.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.childprotection.registry.childcase.CaseExamples.statusChanged;

/** Events of typical cases, for projection tests. */
public final class Stories {

    private Stories() {
    }

    public static ChildRegistered registered(String caseId, String villageCode, String caseworker, Instant at,
                                             MandatoryReportingTrigger... triggers) {
        return new ChildRegistered(caseId,
                new Child("李小红", Sex.F, LocalDate.of(2017, 4, 12), null, Hukou.RURAL, villageCode, "红星小学"),
                new Parent(ParentStatus.MIGRATED, "浙江省义乌市"), new Parent(ParentStatus.MIGRATED, null), null,
                new Report(ReportSource.VILLAGE_COMMITTEE, List.of(triggers), "父母均外出务工"), at, caseworker);
    }

    public static RiskAssessed assessed(String caseId, RiskLevel level, Instant at) {
        return new RiskAssessed(caseId, level, List.of(RiskFactor.NO_PARENTAL_CONTACT), "评估：" + level, at);
    }

    /** Registers the case and assesses it at {@code assessedAt}: two or three events. */
    public static void assessedCase(CaseEvents events, String caseId, String villageCode, String caseworker,
                                    RiskLevel level, Instant reportedAt, Instant assessedAt) {
        events.append(caseId, reportedAt, registered(caseId, villageCode, caseworker, reportedAt));
        events.append(caseId, assessedAt, assessed(caseId, level, assessedAt));
        events.append(caseId, assessedAt, statusChanged(caseId, CaseStatus.REPORTED, level));
    }
}
