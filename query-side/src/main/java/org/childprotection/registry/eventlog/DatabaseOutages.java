package org.childprotection.registry.eventlog;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The one definition of "the database is away": down, restarting, no free connection in time, a transaction that
 * could not begin or commit, a serialization conflict. A failure of the moment, not of the request or of the
 * event: the same work passes once the database is back. The API answers it 503 with {@code Retry-After}; a
 * projection's batch fails on it and is retried instead of parking a case. Recognised anywhere in the cause chain,
 * because Axon, Hikari and Spring each wrap the driver's exception in their own.
 */
public final class DatabaseOutages {

    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseOutages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            // a transaction that could not begin, commit or roll back: the connection failed, not the statements
            if (t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException) {
                return true;
            }
            // SQLSTATE class 08 = connection exception; 57P01..57P03 = the server is shutting down or starting
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // Hikari's proxy of a connection it evicted as broken, still held by the transaction that met the
            // outage; Hikari gives this exception no SQLSTATE
            if (t instanceof SQLException sql && sql.getSQLState() == null
                    && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
