package org.childprotection.registry.casefile;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.registration.Caregiver;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.Parent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The case file answer (docs/api.md), with {@code overdue} worked out at the time of the request. */
public record CaseFileView(String caseId, long version, CaseStatus status, RiskLevel riskLevel, Child child,
                           Parent father, Parent mother, Caregiver caregiver, Guardian guardian, Placement placement,
                           String caseworker, String villageCode, Instant reportedAt, Instant assessmentDue,
                           Instant assessedAt, LocalDate lastVisitAt, LocalDate nextVisitDue, boolean overdue,
                           PendingTransfer pendingTransfer, List<OpenReferral> openReferrals,
                           List<OpenIntervention> openInterventions, List<AppliedCorrection> corrections,
                           Instant closedAt, PendingErasure erasure, boolean erased) {

    public static CaseFileView of(CaseFile f, Instant now) {
        return of(f, now, false);
    }

    /**
     * With {@code erasedSince} when the case is erased now: a view as of an earlier time shows it erased too, as its
     * personal fields read as null once the key is gone.
     */
    public static CaseFileView of(CaseFile f, Instant now, boolean erasedSince) {
        return new CaseFileView(f.caseId(), f.version(), f.status(), f.riskLevel(), f.child(), f.father(),
                f.mother(), f.caregiver(), f.guardian(), f.placement(), f.caseworker(), f.villageCode(),
                f.reportedAt(), f.assessmentDue(), f.assessedAt(), f.lastVisitAt(), f.nextVisitDue(),
                f.isOverdue(now), f.pendingTransfer(), f.openReferrals(), f.openInterventions(), f.corrections(),
                f.closedAt(), f.erasure(), f.erased() || erasedSince);
    }
}
