package org.childprotection.registry.api.cases;

/**
 * The body of a command on an existing case (docs/api.md): it names its command, builds it for the case its path
 * names, and says what reason the event is recorded with.
 *
 * @param <C> the command the body asks for
 */
public interface CommandBody<C> {

    C toCommand(CaseTarget target);

    /** The reason recorded with the event; null or blank records none. */
    String auditReason();

    /** The answer once the command is accepted: the case and its version after it. */
    default CommandAnswer answer(CaseTarget target, C command, long version) {
        return new CommandAnswer(target.caseId(), version);
    }

    /** A body whose own {@code reason} field is the reason recorded. */
    interface Reasoned<C> extends CommandBody<C> {

        String reason();

        @Override
        default String auditReason() {
            return reason();
        }
    }
}
