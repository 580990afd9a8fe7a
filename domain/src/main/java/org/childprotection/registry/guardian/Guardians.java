package org.childprotection.registry.guardian;

import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.Require;

/** Entrusting the child to a guardian: an adult able to care for the child. */
public final class Guardians {

    private Guardians() {
    }

    public static EntrustedGuardianRecorded entrust(RecordEntrustedGuardian command) {
        Require.text(command.name(), "name");
        Require.present(command.relationship(), "relationship");
        Require.adult(command.age(), "age");
        if (Require.present(command.capacity(), "capacity") == GuardianCapacity.INCAPABLE) {
            throw new InvalidInput("guardian-capable", "capacity", "An entrusted guardian must be able to care"
                    + " for the child; a person without capacity (INCAPABLE) cannot be entrusted.");
        }
        return new EntrustedGuardianRecorded(command.caseId(), command.name(), command.relationship(), command.age(),
                command.capacity(), command.agreementSigned(), Require.textOrNull(command.phone()));
    }
}
