package dev.alchemy.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where an {@link Engine} gets its JDBC connections and where it gives them back. The default provider takes them
 * from a pool and closes them; the Spring integration supplies one that takes the connection bound to the current
 * Spring transaction, so that Alchemy and {@code JdbcTemplate} share it.
 */
public interface ConnectionProvider {

    /**
     * Obtains a connection.
     *
     * @return an open connection
     * @throws SQLException when none can be obtained
     */
    Connection getConnection() throws SQLException;

    /**
     * Gives a connection back.
     *
     * @param connection a connection from {@link #getConnection()}
     * @throws SQLException from the driver
     */
    void releaseConnection(Connection connection) throws SQLException;

    /**
     * Gives back a connection that must not be used again: its transaction state is in doubt (a COMMIT or ROLLBACK
     * failed, or the database ended a transaction without the driver noticing). Closing the physical connection ends
     * whatever transaction the database still holds on it without committing it. The engine's own pool evicts it
     * (HikariCP's {@code evictConnection}); this default aborts the connection ({@link Connection#abort}), then
     * releases it, so that a pool which validates its connections drops it.
     *
     * @param connection a connection from {@link #getConnection()}, not yet released
     * @throws SQLException from the driver or pool
     */
    default void discardConnection(Connection connection) throws SQLException {
        try {
            connection.abort(Runnable::run);
        } finally {
            releaseConnection(connection);
        }
    }

    /**
     * Whether someone else (a Spring transaction manager) owns the transaction on this connection. Then
     * Alchemy neither changes its auto-commit mode nor commits or rolls it back; {@code commit()} and
     * {@code rollback()} on an Alchemy connection fail with a message saying so.
     *
     * @param connection a connection from {@link #getConnection()}
     * @return true when the transaction is managed outside Alchemy
     */
    default boolean isTransactionManagedExternally(Connection connection) {
        return false;
    }
}
