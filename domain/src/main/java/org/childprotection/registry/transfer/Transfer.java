package org.childprotection.registry.transfer;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.childprotection.registry.jurisdiction.VillageCode;
import org.childprotection.registry.kernel.Actor;
import org.childprotection.registry.kernel.ActorNotPermitted;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.StateConflict;

/**
 * Moving the case to another village in two steps: a supervisor of the case's village requests it, a supervisor
 * whose jurisdiction covers the destination accepts or declines it (never the one who asked). One request at a
 * time; only acceptance moves the case. The case's village itself is the case's.
 */
public class Transfer {

    private String destination;
    private String requestedBy;

    /** The village of the pending request, or null: its supervisors may decide on it. */
    public String destination() {
        return destination;
    }

    public TransferRequested request(RequestTransfer command, Actor actor, String currentVillageCode) {
        InputCheck check = new InputCheck();
        check.rule(() -> VillageCode.check(command.villageCode(), "villageCode"));
        check.text(command.reason(), "reason");
        check.done();
        if (destination != null) {
            throw new StateConflict("transfer-already-requested", "A transfer of this case to village " + destination
                    + " is already requested and awaits the receiving side's decision.");
        }
        if (command.villageCode().equals(currentVillageCode)) {
            throw new StateConflict("same-village", "The case already belongs to village " + currentVillageCode + ".");
        }
        return new TransferRequested(command.caseId(), currentVillageCode, command.villageCode(), command.reason(),
                actor.username());
    }

    @EventSourcingHandler
    void on(TransferRequested event) {
        destination = event.toVillageCode();
        requestedBy = event.requestedBy();
    }

    public Object decide(DecideTransfer command, Actor actor, String currentVillageCode, String caseworker) {
        InputCheck check = new InputCheck();
        check.present(command.accept(), "accept");
        check.done();
        if (destination == null) {
            throw new StateConflict("no-transfer-request", "No transfer of this case is awaiting a decision.");
        }
        if (!actor.covers(destination)) {
            throw new ActorNotPermitted("receiving-side", "Only a supervisor whose jurisdiction covers village "
                    + destination + " may accept or decline its transfer.");
        }
        if (actor.username().equals(requestedBy)) {
            throw new ActorNotPermitted("four-eyes", "You requested this transfer, so another supervisor of the"
                    + " receiving side must decide on it (four-eyes rule).");
        }
        String note = InputCheck.textOrNull(command.note());
        return command.accept()
                ? new TransferAccepted(command.caseId(), currentVillageCode, destination, requestedBy,
                        actor.username(), note, caseworker)
                : new TransferDeclined(command.caseId(), destination, requestedBy, actor.username(), note);
    }

    @EventSourcingHandler
    void on(TransferAccepted event) {
        destination = null;
        requestedBy = null;
    }

    @EventSourcingHandler
    void on(TransferDeclined event) {
        destination = null;
        requestedBy = null;
    }
}
