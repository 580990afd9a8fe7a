package org.childprotection.registry.assignment;

import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.StateConflict;

import java.util.List;

/**
 * Giving the case to a caseworker: anyone but the one who has it now, who works in the case's village. Who the
 * users are is the API's to know: it sends the assignee's jurisdictions with the command (null: not known here).
 */
public final class Assignment {

    private Assignment() {
    }

    public static CaseworkerAssigned assign(AssignCaseworker command, String currentCaseworker, String villageCode,
                                            List<?> assigneeJurisdictions) {
        InputCheck check = new InputCheck();
        check.text(command.caseworker(), "caseworker");
        check.done();
        if (assigneeJurisdictions != null
                && assigneeJurisdictions.stream().noneMatch(prefix -> villageCode.startsWith(String.valueOf(prefix)))) {
            throw new InvalidInput("caseworker-jurisdiction", "caseworker",
                    command.caseworker() + " does not work in the case's village " + villageCode + ".");
        }
        if (command.caseworker().equals(currentCaseworker)) {
            throw new StateConflict("already-assigned", command.caseworker() + " is already the case's caseworker.");
        }
        return new CaseworkerAssigned(command.caseId(), command.caseworker(), currentCaseworker);
    }
}
