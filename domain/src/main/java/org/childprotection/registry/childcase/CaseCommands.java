package org.childprotection.registry.childcase;

import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
import org.childprotection.registry.contact.RecordParentalContact;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.emergency.DeclareEmergency;
import org.childprotection.registry.guardian.RecordEntrustedGuardian;
import org.childprotection.registry.intervention.FileGuardianshipIntervention;
import org.childprotection.registry.intervention.RecordCourtDecision;
import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.ActorNotPermitted;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.kernel.StateConflict;
import org.childprotection.registry.referral.RecordReferralOutcome;
import org.childprotection.registry.referral.ReferToService;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.transfer.TransferCase;
import org.childprotection.registry.visit.RecordHomeVisit;

import java.util.Arrays;
import java.util.Set;

import static org.childprotection.registry.childcase.CaseCommands.OnClosedCase.ACCEPTED;
import static org.childprotection.registry.childcase.CaseCommands.OnClosedCase.OPENS_A_CASE;
import static org.childprotection.registry.childcase.CaseCommands.OnClosedCase.REFUSED;
import static org.childprotection.registry.childcase.CaseCommands.Senders.CASE_WORKERS;
import static org.childprotection.registry.childcase.CaseCommands.Senders.supervisors;

/**
 * Who may send which command, and whether a closed case accepts it: the one table of docs/domain.md "Users and what they may do",
 * enforced for every command by {@link ChildCase}'s interceptor before any rule of the command's own.
 * The API's security rules are checked against it (api: {@code CaseCommandRolesApiTest}).
 */
public enum CaseCommands {
    // the command, who may send it, what a closed case answers
    REGISTER_CHILD(RegisterChild.class, CASE_WORKERS, OPENS_A_CASE),
    RECORD_RISK_ASSESSMENT(RecordRiskAssessment.class, CASE_WORKERS, REFUSED),
    DECLARE_EMERGENCY(DeclareEmergency.class, CASE_WORKERS, REFUSED),
    ASSIGN_CASEWORKER(AssignCaseworker.class, supervisors("assign a caseworker"), REFUSED),
    RECORD_ENTRUSTED_GUARDIAN(RecordEntrustedGuardian.class, CASE_WORKERS, REFUSED),
    RECORD_HOME_VISIT(RecordHomeVisit.class, CASE_WORKERS, REFUSED),
    RECORD_PARENTAL_CONTACT(RecordParentalContact.class, CASE_WORKERS, REFUSED),
    REFER_TO_SERVICE(ReferToService.class, CASE_WORKERS, REFUSED),
    RECORD_REFERRAL_OUTCOME(RecordReferralOutcome.class, CASE_WORKERS, REFUSED),
    FILE_GUARDIANSHIP_INTERVENTION(FileGuardianshipIntervention.class,
            supervisors("file a guardianship intervention"), REFUSED),
    RECORD_COURT_DECISION(RecordCourtDecision.class, supervisors("record a court decision"), REFUSED),
    REQUEST_CLOSURE(RequestClosure.class, CASE_WORKERS, REFUSED),
    DECIDE_CLOSURE(DecideClosure.class, supervisors("approve or reject a closure"), REFUSED),
    REOPEN_CASE(ReopenCase.class, supervisors("reopen a case"), ACCEPTED),
    TRANSFER_CASE(TransferCase.class, supervisors("transfer a case"), REFUSED),
    CORRECT_RECORD(CorrectRecord.class, CASE_WORKERS, ACCEPTED);

    /** What a closed case answers to the command. */
    public enum OnClosedCase {
        /** There is no case yet to be closed. */
        OPENS_A_CASE,
        REFUSED,
        ACCEPTED
    }

    /** Who may send a command, and how everybody else is refused. */
    public record Senders(Set<Role> roles, String supervisorsOnlyAction) {

        static final Senders CASE_WORKERS = new Senders(Set.of(Role.CASEWORKER, Role.SUPERVISOR), null);

        static Senders supervisors(String action) {
            return new Senders(Set.of(Role.SUPERVISOR), action);
        }

        void admit(Actor actor) {
            if (roles.contains(actor.role())) {
                return;
            }
            throw supervisorsOnlyAction == null
                    ? new ActorNotPermitted("role", "Only caseworkers and supervisors record case work; "
                            + actor.role() + " users may not.")
                    : new ActorNotPermitted("supervisor-only", "Only a supervisor may " + supervisorsOnlyAction + ".");
        }
    }

    private final Class<?> command;
    private final Senders senders;
    private final OnClosedCase onClosedCase;

    CaseCommands(Class<?> command, Senders senders, OnClosedCase onClosedCase) {
        this.command = command;
        this.senders = senders;
        this.onClosedCase = onClosedCase;
    }

    /** The table's entry for a command type. */
    public static CaseCommands of(Class<?> commandType) {
        return Arrays.stream(values())
                .filter(entry -> entry.command.equals(commandType))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(commandType.getName()
                        + " has no entry in CaseCommands: say who may send it"));
    }

    public Class<?> command() {
        return command;
    }

    public Set<Role> senders() {
        return senders.roles();
    }

    public OnClosedCase onClosedCase() {
        return onClosedCase;
    }

    /** Refuses the command unless the actor may send it to a case in this status (null before registration). */
    void admit(Actor actor, CaseStatus status) {
        senders.admit(actor);
        if (onClosedCase == REFUSED && status == CaseStatus.CLOSED) {
            throw new StateConflict("case-closed", "The case is closed; a supervisor must reopen it first"
                    + " (only corrections are allowed on a closed case).");
        }
    }
}
