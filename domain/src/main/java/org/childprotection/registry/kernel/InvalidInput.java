package org.childprotection.registry.kernel;

/** The command itself is wrong, whatever the state of the case: a field breaks a rule (an HTTP 400). */
public final class InvalidInput extends CaseRefusal {

    private final String field;

    public InvalidInput(String rule, String field, String message) {
        super(rule, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
