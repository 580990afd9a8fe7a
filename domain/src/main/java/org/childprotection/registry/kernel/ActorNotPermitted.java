package org.childprotection.registry.kernel;

/** The user's role does not allow this command on this case (an HTTP 403). */
public final class ActorNotPermitted extends CaseRefusal {

    public ActorNotPermitted(String rule, String message) {
        super(rule, message);
    }
}
