package org.childprotection.registry.transfer;

import org.childprotection.registry.jurisdiction.VillageCode;
import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.StateConflict;

/** Moving the case to another village, with a reason. */
public final class Transfer {

    private Transfer() {
    }

    public static CaseTransferred transfer(TransferCase command, String currentVillageCode) {
        InputCheck check = new InputCheck();
        check.rule(() -> VillageCode.check(command.villageCode(), "villageCode"));
        check.text(command.reason(), "reason");
        check.done();
        if (command.villageCode().equals(currentVillageCode)) {
            throw new StateConflict("same-village", "The case already belongs to village " + currentVillageCode + ".");
        }
        return new CaseTransferred(command.caseId(), currentVillageCode, command.villageCode(), command.reason());
    }
}
