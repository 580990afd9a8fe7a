package org.childprotection.registry.eventlog;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed on the event table's unique key (aggregate, sequence): another node wrote that
 * version of the case first. Axon's JDBC default only recognises {@code SQLIntegrityConstraintViolationException},
 * which the PostgreSQL driver never throws, so such a clash came out as a plain storage failure (HTTP 500)
 * instead of a {@code ConcurrencyException} (409). PostgreSQL names it by SQLSTATE 23505.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
