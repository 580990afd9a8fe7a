package org.childprotection.registry.closure;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.emergency.EmergencyDeclared;
import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.ActorNotPermitted;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.kernel.StateConflict;

/**
 * Closing and reopening a case: closure is requested for an assessed case that is not in EMERGENCY, and
 * decided by a supervisor other than the one who asked (four eyes); a rejection restores the status the case
 * had; an emergency withdraws a pending request. The status itself is the case's.
 */
public class Closure {

    private String requestedBy;
    private CaseStatus statusBeforeRequest;

    public ClosureRequested request(RequestClosure command, Actor actor, CaseStatus status) {
        InputCheck check = new InputCheck();
        check.present(command.reason(), "reason");
        check.done();
        return switch (status) {
            case EMERGENCY -> throw new StateConflict("emergency-cannot-close", "A case in EMERGENCY cannot be closed;"
                    + " it must first be assessed at a lower colour with a guardian or placement on record.");
            case CLOSURE_REQUESTED -> throw new StateConflict("closure-already-requested",
                    "Closure of this case is already requested and awaits a supervisor's decision.");
            case REPORTED -> throw new StateConflict("closure-needs-assessment",
                    "The case has not been assessed yet; assess it before requesting closure.");
            default -> new ClosureRequested(command.caseId(), command.reason(), InputCheck.textOrNull(command.note()),
                    actor.username(), status);
        };
    }

    @EventSourcingHandler
    void on(ClosureRequested event) {
        requestedBy = event.requestedBy();
        statusBeforeRequest = event.statusBefore();
    }

    public Object decide(DecideClosure command, Actor actor, CaseStatus status) {
        InputCheck check = new InputCheck();
        check.present(command.approve(), "approve");
        check.done();
        if (status != CaseStatus.CLOSURE_REQUESTED) {
            throw new StateConflict("no-closure-request", "No closure of this case is awaiting a decision.");
        }
        if (actor.username().equals(requestedBy)) {
            throw new ActorNotPermitted("four-eyes", "You requested this closure, so another supervisor must"
                    + " decide on it (four-eyes rule).");
        }
        String note = InputCheck.textOrNull(command.note());
        return command.approve()
                ? new ClosureApproved(command.caseId(), actor.username(), requestedBy, note)
                : new ClosureRejected(command.caseId(), actor.username(), note, statusBeforeRequest);
    }

    @EventSourcingHandler
    void on(ClosureApproved event) {
        requestedBy = null;
    }

    @EventSourcingHandler
    void on(ClosureRejected event) {
        requestedBy = null;
    }

    @EventSourcingHandler
    void on(EmergencyDeclared event) {
        // the child's safety comes before the paperwork
        requestedBy = null;
    }

    public static CaseReopened reopen(ReopenCase command, CaseStatus status) {
        InputCheck check = new InputCheck();
        check.text(command.reason(), "reason");
        check.done();
        if (status != CaseStatus.CLOSED) {
            throw new StateConflict("not-closed", "Only a closed case can be reopened; this one is " + status + ".");
        }
        return new CaseReopened(command.caseId(), command.reason(), RegistryCalendar.now());
    }
}
