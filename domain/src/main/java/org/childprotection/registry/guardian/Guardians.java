package org.childprotection.registry.guardian;

import org.childprotection.registry.kernel.InputCheck;

/** Entrusting the child to a guardian: an adult able to care for the child. */
public final class Guardians {

    private Guardians() {
    }

    public static EntrustedGuardianRecorded entrust(RecordEntrustedGuardian command) {
        InputCheck check = new InputCheck();
        check.text(command.name(), "name");
        check.present(command.relationship(), "relationship");
        check.adult(command.age(), "age");
        if (check.present(command.capacity(), "capacity") == GuardianCapacity.INCAPABLE) {
            check.refuse("capacity", "guardian-capable", "An entrusted guardian must be able to care"
                    + " for the child; a person without capacity (INCAPABLE) cannot be entrusted.");
        }
        check.present(command.agreementSigned(), "agreementSigned");
        check.done();
        return new EntrustedGuardianRecorded(command.caseId(), command.name(), command.relationship(), command.age(),
                command.capacity(), command.agreementSigned(), InputCheck.textOrNull(command.phone()));
    }
}
