package org.childprotection.registry.eventlog;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is away" (the API answers 503, a projection retries its batch) and which stay
 * errors of the registry (500) or of one case (parked).
 */
class DatabaseOutagesTest {

    @Test
    void an_unreachable_database_is_recognised_however_it_is_wrapped() {
        assertThat(DatabaseOutages.isOutage(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new EventStoreException("append failed",
                new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(DatabaseOutages.isOutage(new CommandExecutionException("failed", new EventStoreException("read",
                new SQLException("terminating connection due to administrator command", "57P01")), null)))
                .isTrue();
        assertThat(DatabaseOutages.isOutage(new IllegalStateException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseOutages.isOutage(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).as("Hikari's evicted connection").isTrue();
        assertThat(DatabaseOutages.isOutage(new CannotAcquireLockException("could not serialize access",
                new PSQLException("could not serialize access", PSQLState.SERIALIZATION_FAILURE))))
                .as("a serialization conflict passes when the batch is tried again").isTrue();
        assertThat(DatabaseOutages.isOutage(new CannotCreateTransactionException("Could not open JDBC Connection",
                new IllegalStateException("pool closed")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new TransactionSystemException("Could not roll back to JDBC savepoint")))
                .isTrue();
        assertThat(DatabaseOutages.isOutage(new RecoverableDataAccessException("connection reset"))).isTrue();
    }

    @Test
    void bugs_and_broken_rules_are_not_outages() {
        assertThat(DatabaseOutages.isOutage(new EventStoreException("store",
                new SerializationException("cannot serialize")))).isFalse();
        assertThat(DatabaseOutages.isOutage(new DataIntegrityViolationException("duplicate key",
                new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION)))).isFalse();
        assertThat(DatabaseOutages.isOutage(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new DataIntegrityViolationException("value too long",
                new PSQLException("value too long", PSQLState.STRING_DATA_RIGHT_TRUNCATION))))
                .as("a row one case cannot write: parked, not retried forever").isFalse();
        assertThat(DatabaseOutages.isOutage(new SQLException("Connection is closed", "42000"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new IllegalTransactionStateException("already completed"))).isFalse();
    }
}
