package org.childprotection.registry.childcase;

import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.ActorNotPermitted;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.kernel.Require;
import org.childprotection.registry.kernel.StaleVersion;
import org.childprotection.registry.kernel.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.assessment.RiskAssessed;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.assignment.CaseworkerAssigned;
import org.childprotection.registry.closure.CaseReopened;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.ClosureRejected;
import org.childprotection.registry.closure.ClosureRequested;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
import org.childprotection.registry.contact.ParentRole;
import org.childprotection.registry.contact.ParentalContactRecorded;
import org.childprotection.registry.contact.RecordParentalContact;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.correction.Correctable;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.emergency.DeclareEmergency;
import org.childprotection.registry.emergency.EmergencyAction;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.guardian.EntrustedGuardianRecorded;
import org.childprotection.registry.guardian.GuardianCapacity;
import org.childprotection.registry.guardian.RecordEntrustedGuardian;
import org.childprotection.registry.intervention.CourtAppointedGuardian;
import org.childprotection.registry.intervention.CourtDecisionRecorded;
import org.childprotection.registry.intervention.FileGuardianshipIntervention;
import org.childprotection.registry.intervention.GuardianshipInterventionFiled;
import org.childprotection.registry.intervention.RecordCourtDecision;
import org.childprotection.registry.jurisdiction.VillageCode;
import org.childprotection.registry.referral.RecordReferralOutcome;
import org.childprotection.registry.referral.ReferToService;
import org.childprotection.registry.referral.ReferralOutcomeRecorded;
import org.childprotection.registry.referral.ServiceReferred;
import org.childprotection.registry.registration.Caregiver;
import org.childprotection.registry.registration.Child;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.Eligibility;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.registration.Parent;
import org.childprotection.registry.registration.ParentStatus;
import org.childprotection.registry.registration.PoliceNotified;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.registration.Report;
import org.childprotection.registry.registration.ResidentId;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.transfer.TransferCase;
import org.childprotection.registry.visit.HomeVisitRecorded;
import org.childprotection.registry.visit.RecordHomeVisit;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One child's case: the only aggregate of the registry. Command handlers check the rules of docs/domain.md and
 * apply events; state changes only in the event sourcing handlers. Every handler answers with the case's
 * version after the command, the sequence number of its latest event.
 */
public class ChildCase {

    static final int ADULT_AGE = 18;

    @AggregateIdentifier
    private String caseId;
    private CaseStatus status;
    private String villageCode;
    private String caseworker;
    private LocalDate dateOfBirth;
    private String idNumber;
    private LocalDate reportDate;
    private ParentStatus fatherStatus;
    private ParentStatus motherStatus;
    private boolean guardianOnRecord;
    private boolean placementOnRecord;
    private CaseStatus statusBeforeClosureRequest;
    private String closureRequestedBy;
    private final Set<String> referrals = new HashSet<>();
    private final Set<String> openReferrals = new HashSet<>();
    private final Set<String> interventions = new HashSet<>();
    private final Set<String> openInterventions = new HashSet<>();
    @AggregateMember
    private final CaseRecords records = new CaseRecords();

    protected ChildCase() {
        // for Axon
    }

    /**
     * Optimistic concurrency: a command that names the version it was based on is refused when the case has
     * moved on. Checked under the aggregate's lock, so no other command can slip in between.
     */
    @CommandHandlerInterceptor
    void requireExpectedVersion(CommandMessage<?> command) {
        Object expected = command.getMetaData().get(CaseMetadata.EXPECTED_VERSION);
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && current != null && Long.parseLong(expected.toString()) != current) {
            throw new StaleVersion(Long.parseLong(expected.toString()), current);
        }
    }

    // ---- registration -------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(RegisterChild command, Actor actor) {
        requireWriter(actor);
        Require.text(command.caseId(), "caseId");
        Child child = checkChild(Require.present(command.child(), "child"));
        Parent father = checkParent(command.father(), "father");
        Parent mother = checkParent(command.mother(), "mother");
        Caregiver caregiver = command.caregiver();
        if (caregiver != null) {
            Require.text(caregiver.name(), "caregiver.name");
            Require.present(caregiver.relationship(), "caregiver.relationship");
            Require.present(caregiver.capacity(), "caregiver.capacity");
            checkAge(Require.present(caregiver.age(), "caregiver.age"), 0, "caregiver.age");
        }
        Report report = Require.present(command.report(), "report");
        Require.present(report.source(), "report.source");
        Require.text(report.description(), "report.description");
        List<MandatoryReportingTrigger> triggers = List.copyOf(Require.noNulls(
                report.triggers() == null ? List.<MandatoryReportingTrigger>of() : report.triggers(), "report.triggers"));
        Eligibility.check(child, father, mother, RegistryCalendar.today());

        apply(new ChildRegistered(command.caseId(), child, father, mother, caregiver,
                new Report(report.source(), triggers, report.description()), RegistryCalendar.now(), actor.username()));
        if (!triggers.isEmpty()) {
            apply(new PoliceNotified(command.caseId(), triggers));
        }
        return AggregateLifecycle.getVersion();
    }

    private static Child checkChild(Child child) {
        Require.text(child.name(), "child.name");
        Require.present(child.sex(), "child.sex");
        Require.caseDate(child.dateOfBirth(), "child.dateOfBirth", null, null);
        Require.present(child.hukou(), "child.hukou");
        VillageCode.check(child.villageCode(), "child.villageCode");
        String idNumber = child.idNumber() == null || child.idNumber().isBlank()
                ? null : child.idNumber().strip().toUpperCase();
        if (idNumber != null) {
            ResidentId.check(idNumber, child.dateOfBirth(), "child.idNumber");
        }
        return new Child(child.name(), child.sex(), child.dateOfBirth(), idNumber, child.hukou(),
                child.villageCode(), child.school());
    }

    private static Parent checkParent(Parent parent, String field) {
        Require.present(parent, field);
        Require.present(parent.status(), field + ".status");
        return parent;
    }

    @EventSourcingHandler
    void on(ChildRegistered event) {
        caseId = event.caseId();
        status = CaseStatus.REPORTED;
        villageCode = event.child().villageCode();
        caseworker = event.caseworker();
        dateOfBirth = event.child().dateOfBirth();
        idNumber = event.child().idNumber();
        reportDate = RegistryCalendar.dateOf(event.reportedAt());
        fatherStatus = event.father().status();
        motherStatus = event.mother().status();
    }

    // ---- assessment and emergency -------------------------------------------------------------------

    @CommandHandler
    long handle(RecordRiskAssessment command, Actor actor) {
        requireWriter(actor);
        requireOpen();
        Require.present(command.riskLevel(), "riskLevel");
        Require.text(command.summary(), "summary");
        List<RiskFactor> factors = List.copyOf(Require.noNulls(
                command.factors() == null ? List.<RiskFactor>of() : command.factors(), "factors"));
        if (status == CaseStatus.CLOSURE_REQUESTED) {
            throw new StateConflict("closure-pending", "A closure request is pending; a supervisor must approve"
                    + " or reject it before a new assessment is recorded (declare an emergency if the child is in danger).");
        }
        CaseStatus next = command.riskLevel().status();
        if (status == CaseStatus.EMERGENCY && next != CaseStatus.EMERGENCY && !guardianOnRecord && !placementOnRecord) {
            throw new StateConflict("emergency-needs-care", "The case stays in EMERGENCY: record an entrusted or"
                    + " court-appointed guardian, or a temporary-care placement, before assessing a lower colour.");
        }
        apply(new RiskAssessed(caseId, command.riskLevel(), factors, command.summary(), RegistryCalendar.now()));
        if (next != status) {
            apply(new ProtectionStatusChanged(caseId, status, next, command.riskLevel()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DeclareEmergency command, Actor actor) {
        requireWriter(actor);
        requireOpen();
        Require.present(command.trigger(), "trigger");
        Require.notEmpty(command.actions(), "actions");
        Require.text(command.reason(), "reason");
        boolean placing = command.actions().contains(EmergencyAction.TEMPORARY_CARE_PLACEMENT);
        if (placing && command.placement() == null) {
            throw new InvalidInput("placement-required", "placement",
                    "A temporary-care placement was taken as an action: say where the child was placed.");
        }
        if (!placing && command.placement() != null) {
            throw new InvalidInput("placement-without-action", "placement",
                    "A placement is given but TEMPORARY_CARE_PLACEMENT is not among the actions taken.");
        }
        apply(new EmergencyDeclared(caseId, command.trigger(), List.copyOf(command.actions()), command.placement(),
                command.reason(), RegistryCalendar.now()));
        if (status != CaseStatus.EMERGENCY) {
            apply(new ProtectionStatusChanged(caseId, status, CaseStatus.EMERGENCY, null));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(EmergencyDeclared event) {
        placementOnRecord |= event.placement() != null;
        // An emergency withdraws a pending closure request: the child's safety comes before the paperwork.
        closureRequestedBy = null;
    }

    @EventSourcingHandler
    void on(ProtectionStatusChanged event) {
        status = event.to();
    }

    // ---- people around the child --------------------------------------------------------------------

    @CommandHandler
    long handle(AssignCaseworker command, Actor actor) {
        requireSupervisor(actor, "assign a caseworker");
        requireOpen();
        Require.text(command.caseworker(), "caseworker");
        if (command.caseworker().equals(caseworker)) {
            throw new StateConflict("already-assigned", command.caseworker() + " is already the case's caseworker.");
        }
        apply(new CaseworkerAssigned(caseId, command.caseworker(), caseworker));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CaseworkerAssigned event) {
        caseworker = event.caseworker();
    }

    @CommandHandler
    long handle(RecordEntrustedGuardian command, Actor actor) {
        requireWriter(actor);
        requireOpen();
        Require.text(command.name(), "name");
        Require.present(command.relationship(), "relationship");
        checkAge(command.age(), ADULT_AGE, "age");
        if (Require.present(command.capacity(), "capacity") == GuardianCapacity.INCAPABLE) {
            throw new InvalidInput("guardian-capable", "capacity", "An entrusted guardian must be able to care"
                    + " for the child; a person without capacity (INCAPABLE) cannot be entrusted.");
        }
        apply(new EntrustedGuardianRecorded(caseId, command.name(), command.relationship(), command.age(),
                command.capacity(), command.agreementSigned(), blankToNull(command.phone())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(EntrustedGuardianRecorded event) {
        guardianOnRecord = true;
    }

    @CommandHandler
    long handle(RecordHomeVisit command, Actor actor) {
        requireWriter(actor);
        requireOpen();
        Require.caseDate(command.visitDate(), "visitDate", dateOfBirth, reportDate);
        Require.present(command.visitorRole(), "visitorRole");
        Require.text(command.observations(), "observations");
        List<RiskFactor> concerns = List.copyOf(Require.noNulls(
                command.concerns() == null ? List.<RiskFactor>of() : command.concerns(), "concerns"));
        apply(new HomeVisitRecorded(caseId, command.visitDate(), command.visitorRole(), command.childSeen(),
                command.observations(), concerns));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordParentalContact command, Actor actor) {
        requireWriter(actor);
        requireOpen();
        Require.caseDate(command.date(), "date", dateOfBirth, reportDate);
        ParentRole parent = Require.present(command.parent(), "parent");
        Require.present(command.channel(), "channel");
        ParentStatus parentStatus = parent == ParentRole.FATHER ? fatherStatus : motherStatus;
        if (parentStatus == ParentStatus.DECEASED) {
            throw new InvalidInput("parent-deceased", "parent", "The child's " + parent.name().toLowerCase()
                    + " is recorded as deceased; no contact can be recorded with them.");
        }
        apply(new ParentalContactRecorded(caseId, command.date(), parent, command.channel()));
        return AggregateLifecycle.getVersion();
    }

    // ---- referrals ----------------------------------------------------------------------------------

    @CommandHandler
    long handle(ReferToService command, Actor actor) {
        requireWriter(actor);
        requireOpen();
        Require.text(command.referralId(), "referralId");
        Require.present(command.service(), "service");
        Require.text(command.provider(), "provider");
        if (referrals.contains(command.referralId())) {
            throw new StateConflict("referral-exists", "The case already has a referral " + command.referralId() + ".");
        }
        apply(new ServiceReferred(caseId, command.referralId(), command.service(), command.provider(),
                blankToNull(command.note())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ServiceReferred event) {
        referrals.add(event.referralId());
        openReferrals.add(event.referralId());
    }

    @CommandHandler
    long handle(RecordReferralOutcome command, Actor actor) {
        requireWriter(actor);
        requireOpen();
        Require.text(command.referralId(), "referralId");
        Require.present(command.outcome(), "outcome");
        if (!referrals.contains(command.referralId())) {
            throw new StateConflict("referral-unknown", "The case has no referral " + command.referralId() + ".");
        }
        if (!openReferrals.contains(command.referralId())) {
            throw new StateConflict("referral-closed", "Referral " + command.referralId()
                    + " already has a final outcome; refer the child again if more help is needed.");
        }
        apply(new ReferralOutcomeRecorded(caseId, command.referralId(), command.outcome(), blankToNull(command.note())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ReferralOutcomeRecorded event) {
        if (event.outcome().closesReferral()) {
            openReferrals.remove(event.referralId());
        }
    }

    // ---- guardianship intervention ------------------------------------------------------------------

    @CommandHandler
    long handle(FileGuardianshipIntervention command, Actor actor) {
        requireSupervisor(actor, "file a guardianship intervention");
        requireOpen();
        Require.text(command.interventionId(), "interventionId");
        Require.present(command.grounds(), "grounds");
        Require.text(command.court(), "court");
        Require.text(command.reason(), "reason");
        if (interventions.contains(command.interventionId())) {
            throw new StateConflict("intervention-exists",
                    "The case already has an intervention " + command.interventionId() + ".");
        }
        if (!openInterventions.isEmpty()) {
            throw new StateConflict("intervention-pending", "A guardianship intervention is already before the court;"
                    + " record its decision before filing another.");
        }
        apply(new GuardianshipInterventionFiled(caseId, command.interventionId(), command.grounds(), command.court(),
                command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(GuardianshipInterventionFiled event) {
        interventions.add(event.interventionId());
        openInterventions.add(event.interventionId());
    }

    @CommandHandler
    long handle(RecordCourtDecision command, Actor actor) {
        requireSupervisor(actor, "record a court decision");
        requireOpen();
        Require.text(command.interventionId(), "interventionId");
        if (!interventions.contains(command.interventionId())) {
            throw new StateConflict("intervention-unknown",
                    "The case has no guardianship intervention " + command.interventionId() + ".");
        }
        if (!openInterventions.contains(command.interventionId())) {
            throw new StateConflict("intervention-decided",
                    "The court's decision on intervention " + command.interventionId() + " is already recorded.");
        }
        CourtAppointedGuardian guardian = command.newGuardian();
        if (command.granted()) {
            Require.present(guardian, "newGuardian");
            Require.text(guardian.name(), "newGuardian.name");
            Require.present(guardian.relationship(), "newGuardian.relationship");
            checkAge(guardian.age(), ADULT_AGE, "newGuardian.age");
        } else if (guardian != null) {
            throw new InvalidInput("guardian-without-grant", "newGuardian",
                    "The court refused the intervention, so no new guardian can be named.");
        }
        apply(new CourtDecisionRecorded(caseId, command.interventionId(), command.granted(), guardian,
                blankToNull(command.note())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CourtDecisionRecorded event) {
        openInterventions.remove(event.interventionId());
        guardianOnRecord |= event.granted();
    }

    // ---- closure and reopening ----------------------------------------------------------------------

    @CommandHandler
    long handle(RequestClosure command, Actor actor) {
        requireWriter(actor);
        requireOpen();
        Require.present(command.reason(), "reason");
        switch (status) {
            case EMERGENCY -> throw new StateConflict("emergency-cannot-close", "A case in EMERGENCY cannot be closed;"
                    + " it must first be assessed at a lower colour with a guardian or placement on record.");
            case CLOSURE_REQUESTED -> throw new StateConflict("closure-already-requested",
                    "Closure of this case is already requested and awaits a supervisor's decision.");
            case REPORTED -> throw new StateConflict("closure-needs-assessment",
                    "The case has not been assessed yet; assess it before requesting closure.");
            default -> apply(new ClosureRequested(caseId, command.reason(), blankToNull(command.note()),
                    actor.username(), status));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ClosureRequested event) {
        statusBeforeClosureRequest = event.statusBefore();
        closureRequestedBy = event.requestedBy();
        status = CaseStatus.CLOSURE_REQUESTED;
    }

    @CommandHandler
    long handle(DecideClosure command, Actor actor) {
        requireSupervisor(actor, "approve or reject a closure");
        requireOpen();
        if (status != CaseStatus.CLOSURE_REQUESTED) {
            throw new StateConflict("no-closure-request", "No closure of this case is awaiting a decision.");
        }
        if (actor.username().equals(closureRequestedBy)) {
            throw new ActorNotPermitted("four-eyes", "You requested this closure, so another supervisor must"
                    + " decide on it (four-eyes rule).");
        }
        if (command.approve()) {
            apply(new ClosureApproved(caseId, actor.username(), closureRequestedBy, blankToNull(command.note())));
        } else {
            apply(new ClosureRejected(caseId, actor.username(), blankToNull(command.note()),
                    statusBeforeClosureRequest));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ClosureApproved event) {
        status = CaseStatus.CLOSED;
        closureRequestedBy = null;
    }

    @EventSourcingHandler
    void on(ClosureRejected event) {
        status = event.statusRestored();
        closureRequestedBy = null;
    }

    @CommandHandler
    long handle(ReopenCase command, Actor actor) {
        requireSupervisor(actor, "reopen a case");
        if (status != CaseStatus.CLOSED) {
            throw new StateConflict("not-closed", "Only a closed case can be reopened; this one is " + status + ".");
        }
        Require.text(command.reason(), "reason");
        apply(new CaseReopened(caseId, command.reason(), RegistryCalendar.now()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        status = CaseStatus.REPORTED;
    }

    // ---- transfer and corrections -------------------------------------------------------------------

    @CommandHandler
    long handle(TransferCase command, Actor actor) {
        requireSupervisor(actor, "transfer a case");
        requireOpen();
        VillageCode.check(command.villageCode(), "villageCode");
        Require.text(command.reason(), "reason");
        if (command.villageCode().equals(villageCode)) {
            throw new StateConflict("same-village", "The case already belongs to village " + villageCode + ".");
        }
        apply(new CaseTransferred(caseId, villageCode, command.villageCode(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CaseTransferred event) {
        villageCode = event.toVillageCode();
    }

    @CommandHandler
    long handle(CorrectRecord command, Actor actor) {
        requireWriter(actor);
        Require.text(command.eventId(), "eventId");
        Require.text(command.field(), "field");
        Require.present(command.value(), "value");
        Require.text(command.reason(), "reason");
        CaseRecords.Recorded corrected = records.find(command.eventId()).orElseThrow(() -> new InvalidInput(
                "unknown-event", "eventId", "Event " + command.eventId() + " is not part of this case."));
        if (!actor.isSupervisor() && !actor.username().equals(corrected.author())) {
            throw new ActorNotPermitted("own-records-only",
                    "A caseworker may correct only records they made; ask a supervisor to correct this one.");
        }
        Correctable correctable = Correctable.of(corrected.type(), command.field());
        String value = correctable.normalise(command.value());
        switch (correctable) {
            case CHILD_DATE_OF_BIRTH -> checkCorrectedBirthDate(LocalDate.parse(value));
            case CHILD_ID_NUMBER -> {
                if (!value.isEmpty()) {
                    value = value.toUpperCase();
                    ResidentId.check(value, dateOfBirth, "value");
                }
            }
            case VISIT_DATE, CONTACT_DATE -> Require.caseDate(LocalDate.parse(value), "value", dateOfBirth, reportDate);
            default -> {
                // the form check above is all these fields need
            }
        }
        apply(new RecordCorrected(caseId, command.eventId(), corrected.type(), command.field(), value,
                command.reason()));
        return AggregateLifecycle.getVersion();
    }

    private void checkCorrectedBirthDate(LocalDate birth) {
        Require.caseDate(birth, "value", null, null);
        if (birth.isAfter(reportDate)) {
            throw new InvalidInput("date-before-birth", "value", "With this date of birth the case would have been"
                    + " reported on " + reportDate + ", before the child was born.");
        }
        if (!birth.plusYears(Eligibility.AGE_LIMIT).isAfter(reportDate)) {
            throw new InvalidInput("eligibility-age", "value", "With this date of birth the child was "
                    + Eligibility.AGE_LIMIT + " or older when reported; the case should be closed as registered in error.");
        }
        if (idNumber != null) {
            ResidentId.check(idNumber, birth, "value");
        }
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        if (event.field().equals(Correctable.CHILD_DATE_OF_BIRTH.field()) && "ChildRegistered".equals(event.eventType())) {
            dateOfBirth = LocalDate.parse(event.value());
        } else if (event.field().equals(Correctable.CHILD_ID_NUMBER.field()) && "ChildRegistered".equals(event.eventType())) {
            idNumber = blankToNull(event.value());
        }
    }

    // ---- shared rules -------------------------------------------------------------------------------

    private void requireOpen() {
        if (status == CaseStatus.CLOSED) {
            throw new StateConflict("case-closed",
                    "The case is closed; a supervisor must reopen it first (only corrections are allowed on a closed case).");
        }
    }

    private static void requireWriter(Actor actor) {
        if (!actor.mayWriteCases()) {
            throw new ActorNotPermitted("role", "Only caseworkers and supervisors record case work; "
                    + actor.role() + " users may not.");
        }
    }

    private static void requireSupervisor(Actor actor, String what) {
        if (!actor.isSupervisor()) {
            throw new ActorNotPermitted("supervisor-only", "Only a supervisor may " + what + ".");
        }
    }

    private static void checkAge(int age, int minimum, String field) {
        if (age > 120) {
            throw new InvalidInput("age", field, field + " must be between " + minimum + " and 120.");
        }
        if (age < minimum) {
            throw new InvalidInput(minimum == ADULT_AGE ? "adult-required" : "age", field, minimum == ADULT_AGE
                    ? field + " must be at least " + ADULT_AGE + ": only an adult can be a guardian."
                    : field + " must be between " + minimum + " and 120.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
