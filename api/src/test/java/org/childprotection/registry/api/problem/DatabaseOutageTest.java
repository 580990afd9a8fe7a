package org.childprotection.registry.api.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is away" (503, retry) and which stay errors of the registry (500). */
class DatabaseOutageTest {

    @Test
    void an_unreachable_database_is_recognised_however_it_is_wrapped() {
        assertThat(DatabaseOutage.causes(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseOutage.causes(new EventStoreException("append failed",
                new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(DatabaseOutage.causes(new CommandExecutionException("failed", new EventStoreException("read",
                new SQLException("terminating connection due to administrator command", "57P01")), null)))
                .isTrue();
        assertThat(DatabaseOutage.causes(new IllegalStateException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseOutage.causes(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).as("Hikari's evicted connection").isTrue();
    }

    @Test
    void bugs_and_broken_rules_are_not_outages() {
        assertThat(DatabaseOutage.causes(new EventStoreException("store",
                new SerializationException("cannot serialize")))).isFalse();
        assertThat(DatabaseOutage.causes(new DataIntegrityViolationException("duplicate key",
                new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION)))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("Connection is closed", "42000"))).isFalse();
    }
}
