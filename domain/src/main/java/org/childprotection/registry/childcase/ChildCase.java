package org.childprotection.registry.childcase;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.childprotection.registry.assessment.Assessment;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.assignment.Assignment;
import org.childprotection.registry.assignment.CaseworkerAssigned;
import org.childprotection.registry.closure.CaseReopened;
import org.childprotection.registry.closure.Closure;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.closure.ClosureRejected;
import org.childprotection.registry.closure.ClosureRequested;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
import org.childprotection.registry.contact.ParentalContacts;
import org.childprotection.registry.contact.RecordParentalContact;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.correction.Correctable;
import org.childprotection.registry.correction.Corrections;
import org.childprotection.registry.correction.RecordCorrected;
import org.childprotection.registry.emergency.DeclareEmergency;
import org.childprotection.registry.emergency.Emergency;
import org.childprotection.registry.erasure.DecideErasure;
import org.childprotection.registry.erasure.Erasure;
import org.childprotection.registry.erasure.RequestErasure;
import org.childprotection.registry.guardian.Guardians;
import org.childprotection.registry.guardian.RecordEntrustedGuardian;
import org.childprotection.registry.intervention.Interventions;
import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.CaseDates;
import org.childprotection.registry.kernel.CaseMetadata;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.kernel.StaleVersion;
import org.childprotection.registry.referral.Referrals;
import org.childprotection.registry.registration.ChildRegistered;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.registration.Registration;
import org.childprotection.registry.transfer.CaseTransferred;
import org.childprotection.registry.transfer.DecideTransfer;
import org.childprotection.registry.transfer.RequestTransfer;
import org.childprotection.registry.transfer.Transfer;
import org.childprotection.registry.transfer.TransferAccepted;
import org.childprotection.registry.visit.HomeVisits;
import org.childprotection.registry.visit.RecordHomeVisit;

import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One child's case: the only aggregate of the registry, and a router. Who may send a command, and whether a
 * closed case takes it, is {@link CaseCommands}, checked once by {@link #admit}; each feature's rules live in
 * its package (the handlers below name them), and referrals and interventions handle their own commands.
 * The case keeps what several features read: its status, village, caseworker and dates. State changes only
 * in event sourcing handlers; every command answers with the case's version after it.
 */
public class ChildCase {

    @AggregateIdentifier
    private String caseId;
    private CaseStatus status;
    private String villageCode;
    private String caseworker;
    private CaseDates dates;

    @AggregateMember
    private final Assessment assessment = new Assessment();
    @AggregateMember
    private final ParentalContacts contacts = new ParentalContacts();
    @AggregateMember
    private final Referrals referrals = new Referrals();
    @AggregateMember
    private final Interventions interventions = new Interventions();
    @AggregateMember
    private final Closure closure = new Closure();
    @AggregateMember
    private final Corrections corrections = new Corrections();
    @AggregateMember
    private final Transfer transfer = new Transfer();
    @AggregateMember
    private final Erasure erasure = new Erasure();

    protected ChildCase() {
        // for Axon
    }

    /**
     * Before every command: the table's roles and jurisdiction (against the village this case knows from its own
     * events), then the version it was based on (HTTP If-Match) is still current, then the table's closed-case
     * rule; after it, the answer is the case's version. Under the aggregate's lock, so no other command can slip
     * in between.
     */
    @CommandHandlerInterceptor
    Object admit(CommandMessage<?> command, Actor actor, InterceptorChain chain) throws Exception {
        CaseCommands entry = CaseCommands.of(command.getPayloadType());
        entry.admit(actor, whereabouts(command.getPayload()));
        erasure.refuseIfErased();
        Object expected = command.getMetaData().get(CaseMetadata.EXPECTED_VERSION);
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && current != null && Long.parseLong(expected.toString()) != current) {
            throw new StaleVersion(Long.parseLong(expected.toString()), current);
        }
        entry.admit(status);
        chain.proceed();
        return AggregateLifecycle.getVersion();
    }

    private CaseCommands.Whereabouts whereabouts(Object command) {
        if (command instanceof RegisterChild registration) {
            return new CaseCommands.Whereabouts(
                    registration.child() == null ? null : registration.child().villageCode(), null, registration.caseId());
        }
        return new CaseCommands.Whereabouts(villageCode, transfer.destination(), caseId);
    }

    // ---- commands -----------------------------------------------------------------------------------

    /** Not void: for a creating handler Axon would answer the new case's id instead of {@link #admit}'s version. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Object handle(RegisterChild command, Actor actor) {
        Registration.register(command, actor.username()).forEach(AggregateLifecycle::apply);
        return null;
    }

    @CommandHandler
    void handle(RecordRiskAssessment command) {
        apply(assessment.assess(command, status));
        moveTo(command.riskLevel().status(), command.riskLevel());
    }

    @CommandHandler
    void handle(DeclareEmergency command) {
        apply(Emergency.declare(command));
        moveTo(CaseStatus.EMERGENCY, null);
    }

    @CommandHandler
    void handle(AssignCaseworker command,
                @MetaDataValue(CaseMetadata.ASSIGNEE_JURISDICTIONS) List<?> assigneeJurisdictions) {
        apply(Assignment.assign(command, caseworker, villageCode, assigneeJurisdictions));
    }

    @CommandHandler
    void handle(RecordEntrustedGuardian command) {
        apply(Guardians.entrust(command));
    }

    @CommandHandler
    void handle(RecordHomeVisit command) {
        apply(HomeVisits.record(command, dates));
    }

    @CommandHandler
    void handle(RecordParentalContact command) {
        apply(contacts.record(command, dates));
    }

    @CommandHandler
    void handle(RequestClosure command, Actor actor) {
        apply(closure.request(command, actor, status));
    }

    @CommandHandler
    void handle(DecideClosure command, Actor actor) {
        apply(closure.decide(command, actor, status));
    }

    @CommandHandler
    void handle(ReopenCase command) {
        apply(Closure.reopen(command, status));
    }

    @CommandHandler
    void handle(RequestTransfer command, Actor actor) {
        apply(transfer.request(command, actor, villageCode));
    }

    @CommandHandler
    void handle(DecideTransfer command, Actor actor) {
        apply(transfer.decide(command, actor, villageCode, caseworker));
    }

    @CommandHandler
    void handle(CorrectRecord command, Actor actor) {
        apply(corrections.correct(command, actor, dates));
    }

    @CommandHandler
    void handle(RequestErasure command, Actor actor) {
        apply(erasure.request(command, actor, status));
    }

    @CommandHandler
    void handle(DecideErasure command, Actor actor) {
        erasure.decide(command, actor, status).forEach(AggregateLifecycle::apply);
    }

    /** An assessment or emergency records the move to its status, when it is a move. */
    private void moveTo(CaseStatus next, RiskLevel riskLevel) {
        if (next != status) {
            apply(new ProtectionStatusChanged(caseId, status, next, riskLevel));
        }
    }

    // ---- state --------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ChildRegistered event) {
        caseId = event.caseId();
        status = CaseStatus.REPORTED;
        villageCode = event.child().villageCode();
        caseworker = event.caseworker();
        dates = new CaseDates(event.child().dateOfBirth(), RegistryCalendar.dateOf(event.reportedAt()));
    }

    @EventSourcingHandler
    void on(ProtectionStatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(ClosureRequested event) {
        status = CaseStatus.CLOSURE_REQUESTED;
    }

    @EventSourcingHandler
    void on(ClosureApproved event) {
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ClosureRejected event) {
        status = event.statusRestored();
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        status = CaseStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(CaseworkerAssigned event) {
        caseworker = event.caseworker();
    }

    /** Recorded by earlier versions only; their logs still read. */
    @EventSourcingHandler
    void on(CaseTransferred event) {
        villageCode = event.toVillageCode();
    }

    @EventSourcingHandler
    void on(TransferAccepted event) {
        villageCode = event.toVillageCode();
        caseworker = null;
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        // an erased correction reads without its value
        if (Correctable.CHILD_DATE_OF_BIRTH.corrects(event) && event.value() != null) {
            dates = dates.bornOn(LocalDate.parse(event.value()));
        }
    }
}
