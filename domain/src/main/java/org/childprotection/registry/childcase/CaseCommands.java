package org.childprotection.registry.childcase;

import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
import org.childprotection.registry.contact.RecordParentalContact;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.emergency.DeclareEmergency;
import org.childprotection.registry.erasure.DecideErasure;
import org.childprotection.registry.erasure.RequestErasure;
import org.childprotection.registry.guardian.RecordEntrustedGuardian;
import org.childprotection.registry.intervention.FileGuardianshipIntervention;
import org.childprotection.registry.intervention.RecordCourtDecision;
import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.ActorNotPermitted;
import org.childprotection.registry.jurisdiction.VillageCode;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.OutsideJurisdiction;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.kernel.StateConflict;
import org.childprotection.registry.referral.RecordReferralOutcome;
import org.childprotection.registry.referral.ReferToService;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.transfer.DecideTransfer;
import org.childprotection.registry.transfer.RequestTransfer;
import org.childprotection.registry.visit.RecordHomeVisit;

import java.util.Arrays;
import java.util.Set;

import static org.childprotection.registry.childcase.CaseCommands.OnClosedCase.ACCEPTED;
import static org.childprotection.registry.childcase.CaseCommands.OnClosedCase.OPENS_A_CASE;
import static org.childprotection.registry.childcase.CaseCommands.OnClosedCase.REFUSED;
import static org.childprotection.registry.childcase.CaseCommands.Reach.CASE_OR_DESTINATION;
import static org.childprotection.registry.childcase.CaseCommands.Reach.CASE_VILLAGE;
import static org.childprotection.registry.childcase.CaseCommands.Reach.NAMED_VILLAGE;
import static org.childprotection.registry.childcase.CaseCommands.Senders.CASE_WORKERS;
import static org.childprotection.registry.childcase.CaseCommands.Senders.supervisors;
import static org.childprotection.registry.childcase.CaseCommands.Senders.supervisorsOrOversight;

/**
 * Who may send which command, whose village their jurisdiction must cover, and whether a closed case accepts it: the
 * one table of docs/domain.md "Users and what they may do",
 * enforced for every command by {@link ChildCase}'s interceptor before any rule of the command's own.
 * The API's security rules are checked against it (api: {@code CaseCommandRolesApiTest}).
 */
public enum CaseCommands {
    // the command, who may send it, whose village their jurisdiction must cover, what a closed case answers
    REGISTER_CHILD(RegisterChild.class, CASE_WORKERS, NAMED_VILLAGE, OPENS_A_CASE),
    RECORD_RISK_ASSESSMENT(RecordRiskAssessment.class, CASE_WORKERS, CASE_VILLAGE, REFUSED),
    DECLARE_EMERGENCY(DeclareEmergency.class, CASE_WORKERS, CASE_VILLAGE, REFUSED),
    ASSIGN_CASEWORKER(AssignCaseworker.class, supervisors("assign a caseworker"), CASE_VILLAGE, REFUSED),
    RECORD_ENTRUSTED_GUARDIAN(RecordEntrustedGuardian.class, CASE_WORKERS, CASE_VILLAGE, REFUSED),
    RECORD_HOME_VISIT(RecordHomeVisit.class, CASE_WORKERS, CASE_VILLAGE, REFUSED),
    RECORD_PARENTAL_CONTACT(RecordParentalContact.class, CASE_WORKERS, CASE_VILLAGE, REFUSED),
    REFER_TO_SERVICE(ReferToService.class, CASE_WORKERS, CASE_VILLAGE, REFUSED),
    RECORD_REFERRAL_OUTCOME(RecordReferralOutcome.class, CASE_WORKERS, CASE_VILLAGE, REFUSED),
    FILE_GUARDIANSHIP_INTERVENTION(FileGuardianshipIntervention.class,
            supervisors("file a guardianship intervention"), CASE_VILLAGE, REFUSED),
    RECORD_COURT_DECISION(RecordCourtDecision.class, supervisors("record a court decision"), CASE_VILLAGE, REFUSED),
    REQUEST_CLOSURE(RequestClosure.class, CASE_WORKERS, CASE_VILLAGE, REFUSED),
    DECIDE_CLOSURE(DecideClosure.class, supervisors("approve or reject a closure"), CASE_VILLAGE, REFUSED),
    REOPEN_CASE(ReopenCase.class, supervisors("reopen a case"), CASE_VILLAGE, ACCEPTED),
    REQUEST_TRANSFER(RequestTransfer.class, supervisors("request a transfer"), CASE_VILLAGE, REFUSED),
    DECIDE_TRANSFER(DecideTransfer.class, supervisors("accept or decline a transfer"), CASE_OR_DESTINATION, REFUSED),
    CORRECT_RECORD(CorrectRecord.class, CASE_WORKERS, CASE_VILLAGE, ACCEPTED),
    REQUEST_ERASURE(RequestErasure.class, supervisors("request the erasure of a case"), CASE_VILLAGE, ACCEPTED),
    DECIDE_ERASURE(DecideErasure.class, supervisorsOrOversight("approve or decline an erasure"), CASE_VILLAGE,
            ACCEPTED);

    /** What a closed case answers to the command. */
    public enum OnClosedCase {
        /** There is no case yet to be closed. */
        OPENS_A_CASE,
        REFUSED,
        ACCEPTED
    }

    /**
     * Which village the sender's jurisdiction must cover: the case's village as the case knows it from its own
     * events (never a projection's copy, which can lag). Outside it the case does not exist for the sender.
     */
    public enum Reach {
        /** The village a registration names: the case has none yet; outside, the registration is refused. */
        NAMED_VILLAGE,
        CASE_VILLAGE,
        /** The case's village, or the destination of its pending transfer: the receiving side decides on that. */
        CASE_OR_DESTINATION;

        void admit(Actor actor, Whereabouts where) {
            switch (this) {
                case NAMED_VILLAGE -> {
                    // an absent or malformed village is the registration's own rule to name
                    if (isVillageCode(where.village()) && !actor.covers(where.village())) {
                        throw new ActorNotPermitted("jurisdiction",
                                "Village " + where.village() + " is outside your jurisdiction.");
                    }
                }
                case CASE_VILLAGE -> {
                    if (!actor.covers(where.village())) {
                        throw new OutsideJurisdiction(where.caseId());
                    }
                }
                case CASE_OR_DESTINATION -> {
                    if (!actor.covers(where.village()) && !actor.covers(where.destination())) {
                        throw new OutsideJurisdiction(where.caseId());
                    }
                }
            }
        }
    }

    private static boolean isVillageCode(String code) {
        try {
            return VillageCode.check(code, "villageCode") != null;
        } catch (InvalidInput malformed) {
            return false;
        }
    }

    /** Where a command finds the case: its village (or the one a registration names) and a pending destination. */
    record Whereabouts(String village, String destination, String caseId) {
    }

    /** Who may send a command, and how everybody else is refused. */
    public record Senders(Set<Role> roles, String supervisorsOnlyAction) {

        static final Senders CASE_WORKERS = new Senders(Set.of(Role.CASEWORKER, Role.SUPERVISOR), null);

        static Senders supervisors(String action) {
            return new Senders(Set.of(Role.SUPERVISOR), action);
        }

        /** A decision that a supervisor or, from outside the line of work, an oversight official may take. */
        static Senders supervisorsOrOversight(String action) {
            return new Senders(Set.of(Role.SUPERVISOR, Role.OVERSIGHT), action);
        }

        void admit(Actor actor) {
            if (roles.contains(actor.role())) {
                return;
            }
            if (supervisorsOnlyAction == null) {
                throw new ActorNotPermitted("role", "Only caseworkers and supervisors record case work; "
                        + actor.role() + " users may not.");
            }
            throw roles.contains(Role.OVERSIGHT)
                    ? new ActorNotPermitted("supervisor-or-oversight", "Only a supervisor or an oversight official may "
                            + supervisorsOnlyAction + ".")
                    : new ActorNotPermitted("supervisor-only", "Only a supervisor may " + supervisorsOnlyAction + ".");
        }
    }

    private final Class<?> command;
    private final Senders senders;
    private final Reach reach;
    private final OnClosedCase onClosedCase;

    CaseCommands(Class<?> command, Senders senders, Reach reach, OnClosedCase onClosedCase) {
        this.command = command;
        this.senders = senders;
        this.reach = reach;
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

    public Reach reach() {
        return reach;
    }

    public OnClosedCase onClosedCase() {
        return onClosedCase;
    }

    /**
     * Refuses the command unless the actor may send it and reaches the case where it is. The role first: it tells
     * nothing about the case; then the jurisdiction, before anything that would show the case exists.
     */
    void admit(Actor actor, Whereabouts where) {
        senders.admit(actor);
        reach.admit(actor, where);
    }

    /** Refuses the command if the case, in this status (null before registration), does not take it. */
    void admit(CaseStatus status) {
        if (onClosedCase == REFUSED && status == CaseStatus.CLOSED) {
            throw new StateConflict("case-closed", "The case is closed; a supervisor must reopen it first"
                    + " (only corrections are allowed on a closed case).");
        }
    }
}
