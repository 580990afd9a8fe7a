package org.childprotection.registry.erasure;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.closure.CaseReopened;
import org.childprotection.registry.closure.ClosureApproved;
import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.kernel.StateConflict;

import java.util.ArrayList;
import java.util.List;

/**
 * Erasing a case's personal data: a supervisor asks, on a legal basis, and somebody else decides (a supervisor or
 * an oversight official: four eyes, like closure). Only a closed case is erased, except one registered in error,
 * which the approval closes first. An erased case takes no command at all: there is nothing left to work on.
 */
public class Erasure {

    private ErasureBasis pendingBasis;
    private String requestedBy;
    private boolean erased;

    public boolean erased() {
        return erased;
    }

    /** Refuses any command once the case is erased; the log keeps what was done, the person is gone. */
    public void refuseIfErased() {
        if (erased) {
            throw new StateConflict("case-erased", "The personal data of this case has been erased;"
                    + " it takes no more commands.");
        }
    }

    public ErasureRequested request(RequestErasure command, Actor actor, CaseStatus status) {
        InputCheck check = new InputCheck();
        check.present(command.basis(), "basis");
        check.text(command.reason(), "reason");
        check.done();
        if (pendingBasis != null) {
            throw new StateConflict("erasure-already-requested",
                    "Erasure of this case is already requested and awaits a decision.");
        }
        requireClosed(command.basis(), status);
        return new ErasureRequested(command.caseId(), command.basis(), command.reason(), actor.username(),
                RegistryCalendar.now());
    }

    /** The approval (after the closure it implies, for a case registered in error) or the refusal. */
    public List<Object> decide(DecideErasure command, Actor actor, CaseStatus status) {
        InputCheck check = new InputCheck();
        check.present(command.approve(), "approve");
        check.done();
        if (pendingBasis == null) {
            throw new StateConflict("no-erasure-request", "No erasure of this case is awaiting a decision.");
        }
        if (actor.username().equals(requestedBy)) {
            throw new StateConflict("four-eyes", "You requested this erasure, so somebody else must decide on it"
                    + " (four-eyes rule).");
        }
        String note = InputCheck.textOrNull(command.note());
        if (!command.approve()) {
            return List.of(new ErasureDeclined(command.caseId(), pendingBasis, requestedBy, actor.username(), note));
        }
        requireClosed(pendingBasis, status);
        List<Object> events = new ArrayList<>();
        if (status != CaseStatus.CLOSED) {
            events.add(new ClosureApproved(command.caseId(), actor.username(), requestedBy, null));
        }
        events.add(new ErasureApproved(command.caseId(), pendingBasis, requestedBy, actor.username(), note));
        return events;
    }

    private static void requireClosed(ErasureBasis basis, CaseStatus status) {
        if (basis != ErasureBasis.REGISTERED_IN_ERROR && status != CaseStatus.CLOSED) {
            throw new StateConflict("erasure-needs-closed-case", "Only a closed case can be erased on the basis "
                    + basis + "; this one is " + status + ". A case registered in error may be erased at any time.");
        }
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        pendingBasis = event.basis();
        requestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(ErasureDeclined event) {
        pendingBasis = null;
        requestedBy = null;
    }

    @EventSourcingHandler
    void on(ErasureApproved event) {
        pendingBasis = null;
        requestedBy = null;
        erased = true;
    }

    /** A reopened case is worked on again: an erasure asked for while it was closed no longer stands. */
    @EventSourcingHandler
    void on(CaseReopened event) {
        pendingBasis = null;
        requestedBy = null;
    }
}
