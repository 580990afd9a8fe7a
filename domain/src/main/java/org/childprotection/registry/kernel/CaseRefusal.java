package org.childprotection.registry.kernel;

/**
 * A command the registry will not carry out. {@link #rule()} is a stable identifier of the broken rule
 * (for clients and tests); the message says in plain words what is wrong and, where it helps, what to do.
 */
public abstract sealed class CaseRefusal extends RuntimeException
        permits InvalidInput, StateConflict, ActorNotPermitted, StaleVersion, OutsideJurisdiction {

    private final String rule;

    protected CaseRefusal(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
