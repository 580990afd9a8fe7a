package org.childprotection.registry.api.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The registry's database cannot be reached (down, restarting, no free connection in time). Such a failure is
 * answered 503 with {@code Retry-After}, never 500: the request may simply be sent again once the database is
 * back, and the API recovers by itself. Recognised anywhere in the cause chain, because Axon, Hikari and Spring
 * each wrap the driver's exception in their own.
 */
public final class DatabaseOutage {

    public static final String RULE = "database-unavailable";
    public static final int RETRY_AFTER_SECONDS = 5;
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
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

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, RULE, "The registry's database is unavailable for the "
                + "moment; retry in " + RETRY_AFTER_SECONDS + " seconds. A command answered this way may have been "
                + "recorded only if a later read shows it.");
    }

    public static ResponseEntity<ProblemDetail> answer() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem());
    }
}
