package org.childprotection.registry.readmodel;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session advisory lock, held on its own connection for as long as a run lasts: one rebuild of a
 * projection at a time, one node filing the erasure requests of a retention at a time.
 */
public final class RunLock implements AutoCloseable {

    private final Connection connection;
    private final String name;

    private RunLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** @return the lock, or null when another session holds it */
    public static RunLock acquire(DataSource dataSource, String name) {
        try {
            Connection connection = dataSource.getConnection();
            PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))");
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new RunLock(connection, name);
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lock " + name, e);
        }
    }

    /** Unlocks explicitly: the connection goes back to a pool, and its session (with the lock) lives on. */
    @Override
    public void close() {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            unlock.setString(1, name);
            unlock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the lock " + name, e);
        }
    }
}
