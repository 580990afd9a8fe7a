package org.childprotection.registry.kernel;

/** The command is well formed but the case, as it stands, does not allow it (an HTTP 409). */
public final class StateConflict extends CaseRefusal {

    public StateConflict(String rule, String message) {
        super(rule, message);
    }
}
