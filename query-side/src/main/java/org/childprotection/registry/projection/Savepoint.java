package org.childprotection.registry.projection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a step inside a savepoint of the current transaction, so that a failing statement is undone on its own
 * and the transaction (with the processor's token and the other cases' rows) can still commit. PostgreSQL
 * refuses every further statement of a transaction after an error unless it is rolled back to a savepoint.
 */
@Component
public class Savepoint {

    private final TransactionTemplate nested;

    public Savepoint(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** @return the failure of {@code step}, whose writes are then undone, or null when it succeeded. */
    public RuntimeException attempt(Runnable step) {
        try {
            nested.executeWithoutResult(status -> step.run());
            return null;
        } catch (RuntimeException failure) {
            return failure;
        }
    }
}
