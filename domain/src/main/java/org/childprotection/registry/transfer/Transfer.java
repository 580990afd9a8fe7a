package org.childprotection.registry.transfer;

import org.childprotection.registry.jurisdiction.VillageCode;
import org.childprotection.registry.kernel.Require;
import org.childprotection.registry.kernel.StateConflict;

/** Moving the case to another village, with a reason. */
public final class Transfer {

    private Transfer() {
    }

    public static CaseTransferred transfer(TransferCase command, String currentVillageCode) {
        VillageCode.check(command.villageCode(), "villageCode");
        Require.text(command.reason(), "reason");
        if (command.villageCode().equals(currentVillageCode)) {
            throw new StateConflict("same-village", "The case already belongs to village " + currentVillageCode + ".");
        }
        return new CaseTransferred(command.caseId(), currentVillageCode, command.villageCode(), command.reason());
    }
}
