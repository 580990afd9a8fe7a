package org.childprotection.registry.emergency;

import org.childprotection.registry.kernel.InputCheck;
import org.childprotection.registry.kernel.RegistryCalendar;

import java.util.List;

/**
 * Declaring an emergency: allowed in any open status, it says what was done and, when
 * the child was taken into temporary care, where. The move to EMERGENCY is the case's to apply.
 */
public final class Emergency {

    private Emergency() {
    }

    public static EmergencyDeclared declare(DeclareEmergency command) {
        InputCheck check = new InputCheck();
        check.present(command.trigger(), "trigger");
        check.notEmpty(command.actions(), "actions");
        check.text(command.reason(), "reason");
        boolean placing = command.actions() != null
                && command.actions().contains(EmergencyAction.TEMPORARY_CARE_PLACEMENT);
        if (placing && command.placement() == null) {
            check.refuse("placement", "placement-required",
                    "A temporary-care placement was taken as an action: say where the child was placed.");
        }
        if (!placing && command.placement() != null) {
            check.refuse("placement", "placement-without-action",
                    "A placement is given but TEMPORARY_CARE_PLACEMENT is not among the actions taken.");
        }
        check.done();
        return new EmergencyDeclared(command.caseId(), command.trigger(), List.copyOf(command.actions()),
                command.placement(), command.reason(), RegistryCalendar.now());
    }
}
