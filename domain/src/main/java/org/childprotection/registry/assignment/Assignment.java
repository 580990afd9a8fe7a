package org.childprotection.registry.assignment;

import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.StateConflict;

/** Giving the case to a caseworker: anyone but the one who has it now. */
public final class Assignment {

    private Assignment() {
    }

    public static CaseworkerAssigned assign(AssignCaseworker command, String currentCaseworker) {
        InputCheck check = new InputCheck();
        check.text(command.caseworker(), "caseworker");
        check.done();
        if (command.caseworker().equals(currentCaseworker)) {
            throw new StateConflict("already-assigned", command.caseworker() + " is already the case's caseworker.");
        }
        return new CaseworkerAssigned(command.caseId(), command.caseworker(), currentCaseworker);
    }
}
