package org.childprotection.registry.casefile;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assignment.CaseworkerAssigned;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.childcase.ProtectionStatusChanged;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.closure.CaseReopened;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.ClosureRejected;
import org.childprotection.registry.closure.ClosureRequested;
import org.childprotection.registry.correction.Correctable;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.emergency.Placement;
import org.childprotection.registry.erasure.ErasureApproved;
import org.childprotection.registry.erasure.ErasureDeclined;
import org.childprotection.registry.erasure.ErasureRequested;
import org.childprotection.registry.guardian.EntrustedGuardianRecorded;
import org.childprotection.registry.intervention.CourtDecisionRecorded;
import org.childprotection.registry.intervention.GuardianshipInterventionFiled;
import org.childprotection.registry.referral.ReferralOutcomeRecorded;
import org.childprotection.registry.referral.ServiceReferred;
import org.childprotection.registry.registration.Caregiver;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.Sex;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.transfer.TransferAccepted;
import org.childprotection.registry.transfer.TransferDeclined;
import org.childprotection.registry.transfer.TransferRequested;
import org.childprotection.registry.visit.HomeVisitRecorded;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One child's file as it stands after a run of the case's events: the fold behind the case-file projection and
 * behind "as of" views, so both always agree. {@link #apply} is the only way it changes.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CaseFile {

    static final Duration ASSESSMENT_DUE = Duration.ofDays(3);
    static final Duration URGENT_ASSESSMENT_DUE = Duration.ofHours(24);

    private String caseId;
    private long version = -1;
    private CaseStatus status;
    private RiskLevel riskLevel;
    private Child child;
    private Parent father;
    private Parent mother;
    private Caregiver caregiver;
    private Guardian guardian;
    private Placement placement;
    private String caseworker;
    private String villageCode;
    private Instant reportedAt;
    private Instant assessmentDue;
    private Instant assessedAt;
    private Instant firstAssessedAt;
    private Instant emergencyDeclaredAt;
    private LocalDate lastVisitAt;
    private LocalDate nextVisitDue;
    private String registrationEventId;
    private PendingTransfer pendingTransfer;
    private Instant closedAt;
    private PendingErasure erasure;
    private boolean erased;
    private final Map<String, LocalDate> visitDates = new LinkedHashMap<>();
    private final List<OpenReferral> openReferrals = new ArrayList<>();
    private final List<OpenIntervention> openInterventions = new ArrayList<>();
    private final List<AppliedCorrection> corrections = new ArrayList<>();

    /** Folds the events of one case, in sequence order, into its file. */
    public static CaseFile of(Iterable<? extends DomainEventMessage<?>> events) {
        CaseFile file = new CaseFile();
        events.forEach(file::apply);
        return file;
    }

    /** Applies the next event of the case; an event at or below the current version was applied already. */
    public boolean apply(DomainEventMessage<?> message) {
        return apply(message, message.getPayload());
    }

    /**
     * Event types whose personal fields the file shows nothing of: it may be given them with those fields closed
     * (null), so that a rebuild does not decrypt what the file would throw away (docs/erasure.md).
     */
    static boolean keepsNoPersonalFieldOf(Class<?> type) {
        return type == HomeVisitRecorded.class || type == RiskAssessed.class;
    }

    /** As {@link #apply(DomainEventMessage)}, with the message's payload as read for the file. */
    boolean apply(DomainEventMessage<?> message, Object event) {
        if (message.getSequenceNumber() <= version) {
            return false;
        }
        Instant at = message.getTimestamp();
        if (event instanceof ChildRegistered e) {
            registered(e, message.getIdentifier());
        } else if (event instanceof RiskAssessed e) {
            riskLevel = e.riskLevel();
            assessedAt = e.assessedAt();
            firstAssessedAt = firstAssessedAt == null ? e.assessedAt() : firstAssessedAt;
            assessmentDue = null;
        } else if (event instanceof ProtectionStatusChanged e) {
            status = e.to();
        } else if (event instanceof EmergencyDeclared e) {
            riskLevel = RiskLevel.RED;
            emergencyDeclaredAt = e.declaredAt();
            if (e.placement() != null) {
                placement = e.placement();
            }
        } else if (event instanceof CaseworkerAssigned e) {
            caseworker = e.caseworker();
        } else if (event instanceof EntrustedGuardianRecorded e) {
            guardian = new Guardian(Guardian.Kind.ENTRUSTED, e.name(), e.relationship(), e.age(), e.capacity(),
                    e.agreementSigned(), e.phone(), message.getIdentifier());
        } else if (event instanceof HomeVisitRecorded e) {
            visitDates.put(message.getIdentifier(), e.visitDate());
        } else if (event instanceof ServiceReferred e) {
            openReferrals.add(new OpenReferral(e.referralId(), e.service(), e.provider(), e.note(), null,
                    message.getIdentifier()));
        } else if (event instanceof ReferralOutcomeRecorded e) {
            openReferrals.replaceAll(r -> r.referralId().equals(e.referralId())
                    ? new OpenReferral(r.referralId(), r.service(), r.provider(), r.note(), e.outcome(), r.eventId())
                    : r);
            if (e.outcome().closesReferral()) {
                openReferrals.removeIf(r -> r.referralId().equals(e.referralId()));
            }
        } else if (event instanceof GuardianshipInterventionFiled e) {
            openInterventions.add(new OpenIntervention(e.interventionId(), e.grounds(), e.court(), at));
        } else if (event instanceof CourtDecisionRecorded e) {
            openInterventions.removeIf(i -> i.interventionId().equals(e.interventionId()));
            if (e.granted()) {
                guardian = new Guardian(Guardian.Kind.COURT_APPOINTED, e.newGuardian().name(),
                        e.newGuardian().relationship(), e.newGuardian().age(), null, null, null,
                        message.getIdentifier());
            }
        } else if (event instanceof ClosureRequested) {
            status = CaseStatus.CLOSURE_REQUESTED;
        } else if (event instanceof ClosureApproved) {
            status = CaseStatus.CLOSED;
            closedAt = at;
        } else if (event instanceof ClosureRejected e) {
            status = e.statusRestored();
        } else if (event instanceof CaseReopened e) {
            status = CaseStatus.REPORTED;
            riskLevel = null;
            assessmentDue = e.reopenedAt().plus(ASSESSMENT_DUE);
            closedAt = null;
            erasure = null;
        } else if (event instanceof CaseTransferred e) {
            villageCode = e.toVillageCode();
            child = child.withVillageCode(e.toVillageCode());
        } else if (event instanceof TransferRequested e) {
            pendingTransfer = new PendingTransfer(e.fromVillageCode(), e.toVillageCode(), e.reason(), e.requestedBy(),
                    at);
        } else if (event instanceof TransferAccepted e) {
            villageCode = e.toVillageCode();
            child = child.withVillageCode(e.toVillageCode());
            caseworker = null;
            pendingTransfer = null;
        } else if (event instanceof TransferDeclined) {
            pendingTransfer = null;
        } else if (event instanceof RecordCorrected e) {
            corrected(e, message.getIdentifier(), (String) message.getMetaData().get(CaseMetadata.ACTOR), at);
        } else if (event instanceof ErasureRequested e) {
            erasure = new PendingErasure(e.basis(), e.reason(), e.requestedBy(), e.requestedAt());
        } else if (event instanceof ErasureDeclined) {
            erasure = null;
        } else if (event instanceof ErasureApproved) {
            erase();
        }
        version = message.getSequenceNumber();
        refreshSchedule();
        return true;
    }

    private void registered(ChildRegistered e, String eventId) {
        caseId = e.caseId();
        status = CaseStatus.REPORTED;
        child = e.child();
        father = e.father();
        mother = e.mother();
        caregiver = e.caregiver();
        caseworker = e.caseworker();
        villageCode = e.child().villageCode();
        reportedAt = e.reportedAt();
        assessmentDue = reportedAt.plus(e.report().triggers().isEmpty() ? ASSESSMENT_DUE : URGENT_ASSESSMENT_DUE);
        registrationEventId = eventId;
    }

    /** Shows the corrected value where the file displays the corrected field; every correction is listed. */
    private void corrected(RecordCorrected e, String correctionEventId, String actor, Instant at) {
        corrections.add(new AppliedCorrection(correctionEventId, e.eventId(), e.eventType(), e.field(), e.value(),
                e.reason(), actor, at));
        Correctable field = Correctable.find(e.eventType(), e.field()).orElse(null);
        if (field == null || e.value() == null) {
            return; // no correction can name it, or its value is erased: listed above, shown nowhere else
        }
        String value = e.value().isEmpty() ? null : e.value();
        if (e.eventId().equals(registrationEventId)) {
            switch (field) {
                case CHILD_NAME -> child = child.withName(value);
                case CHILD_SEX -> child = child.withSex(Sex.valueOf(value));
                case CHILD_DATE_OF_BIRTH -> child = child.withDateOfBirth(LocalDate.parse(value));
                case CHILD_ID_NUMBER -> child = child.withIdNumber(value);
                case CHILD_SCHOOL -> child = child.withSchool(value);
                case CAREGIVER_NAME -> caregiver = caregiver == null ? null : new Caregiver(value,
                        caregiver.relationship(), caregiver.age(), caregiver.capacity());
                default -> {
                    // not shown in the case file beyond the corrections list
                }
            }
        } else if (guardian != null && e.eventId().equals(guardian.eventId())) {
            switch (field) {
                case GUARDIAN_NAME, COURT_GUARDIAN_NAME -> guardian = guardian.withName(value);
                case GUARDIAN_PHONE -> guardian = guardian.withPhone(value);
                default -> {
                }
            }
        } else if (visitDates.containsKey(e.eventId()) && field == Correctable.VISIT_DATE) {
            visitDates.put(e.eventId(), LocalDate.parse(value));
        } else {
            openReferrals.replaceAll(r -> !r.eventId().equals(e.eventId()) ? r : switch (field) {
                case REFERRAL_PROVIDER -> new OpenReferral(r.referralId(), r.service(), value, r.note(), r.lastOutcome(), r.eventId());
                case REFERRAL_NOTE -> new OpenReferral(r.referralId(), r.service(), r.provider(), value, r.lastOutcome(), r.eventId());
                default -> r;
            });
        }
    }

    /**
     * Every personal field becomes null, exactly as a rebuild reads the case's events once its key is destroyed
     * (docs/erasure.md); what was done, by whom and when stays.
     */
    private void erase() {
        erased = true;
        erasure = null;
        child = child.withName(null).withDateOfBirth(null).withIdNumber(null).withSchool(null);
        father = father == null ? null : new Parent(father.status(), null);
        mother = mother == null ? null : new Parent(mother.status(), null);
        caregiver = caregiver == null ? null
                : new Caregiver(null, caregiver.relationship(), caregiver.age(), caregiver.capacity());
        guardian = guardian == null ? null : guardian.withName(null).withPhone(null);
        openReferrals.replaceAll(r -> new OpenReferral(r.referralId(), r.service(), null, null, r.lastOutcome(),
                r.eventId()));
        openInterventions.replaceAll(i -> new OpenIntervention(i.interventionId(), i.grounds(), null, i.filedAt()));
        pendingTransfer = pendingTransfer == null ? null : new PendingTransfer(pendingTransfer.fromVillageCode(),
                pendingTransfer.toVillageCode(), null, pendingTransfer.requestedBy(), pendingTransfer.requestedAt());
        corrections.replaceAll(c -> new AppliedCorrection(c.correctionEventId(), c.eventId(), c.eventType(),
                c.field(), Correctable.find(c.eventType(), c.field()).map(Correctable::personal).orElse(true)
                        ? null : c.value(), null, c.correctedBy(), c.correctedAt()));
    }

    /**
     * The visit schedule (docs/domain.md): the next visit is due one colour interval after the last visit, or after
     * the assessment (or emergency) when nobody has visited yet. A closed case has nothing due.
     */
    private void refreshSchedule() {
        lastVisitAt = visitDates.values().stream().max(LocalDate::compareTo).orElse(null);
        if (status == CaseStatus.CLOSED) {
            assessmentDue = null;
            nextVisitDue = null;
            return;
        }
        Instant scheduleStart = latest(assessedAt, emergencyDeclaredAt);
        if (riskLevel == null || (lastVisitAt == null && scheduleStart == null)) {
            nextVisitDue = null;
            return;
        }
        LocalDate from = lastVisitAt != null ? lastVisitAt : RegistryCalendar.dateOf(scheduleStart);
        nextVisitDue = from.plusDays(riskLevel.visitInterval().toDays());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /**
     * The first deadline the case has: a pending assessment's due time, or the end of the day on which the
     * next visit is due (in the registry's time zone); null when nothing is due.
     */
    public Instant dueAt() {
        Instant visitDue = nextVisitDue == null ? null
                : nextVisitDue.plusDays(1).atStartOfDay(RegistryCalendar.ZONE).toInstant();
        if (assessmentDue == null) {
            return visitDue;
        }
        return visitDue == null || assessmentDue.isBefore(visitDue) ? assessmentDue : visitDue;
    }

    /** Overdue: a deadline of {@link #dueAt()} has passed. */
    public boolean isOverdue(Instant now) {
        Instant due = dueAt();
        return due != null && now.isAfter(due);
    }

    @JsonIgnore
    public boolean exists() {
        return caseId != null;
    }

    public String caseId() { return caseId; }
    public long version() { return version; }
    public CaseStatus status() { return status; }
    public RiskLevel riskLevel() { return riskLevel; }
    public Child child() { return child; }
    public Parent father() { return father; }
    public Parent mother() { return mother; }
    public Caregiver caregiver() { return caregiver; }
    public Guardian guardian() { return guardian; }
    public Placement placement() { return placement; }
    public String caseworker() { return caseworker; }
    public String villageCode() { return villageCode; }
    public Instant reportedAt() { return reportedAt; }
    public Instant assessmentDue() { return assessmentDue; }
    public Instant assessedAt() { return assessedAt; }
    public Instant firstAssessedAt() { return firstAssessedAt; }
    public LocalDate lastVisitAt() { return lastVisitAt; }
    public LocalDate nextVisitDue() { return nextVisitDue; }
    public PendingTransfer pendingTransfer() { return pendingTransfer; }
    public Instant closedAt() { return closedAt; }
    public PendingErasure erasure() { return erasure; }
    public boolean erased() { return erased; }
    public List<OpenReferral> openReferrals() { return Collections.unmodifiableList(openReferrals); }
    public List<OpenIntervention> openInterventions() { return Collections.unmodifiableList(openInterventions); }
    public List<AppliedCorrection> corrections() { return Collections.unmodifiableList(corrections); }
}
