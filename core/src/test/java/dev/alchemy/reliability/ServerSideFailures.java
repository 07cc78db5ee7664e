package dev.alchemy.reliability;

import dev.alchemy.testing.MariadbServer;
import dev.alchemy.testing.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Failures a database server inflicts on a session from another connection, for the suites that check what a failed
 * COMMIT leaves behind: a COMMIT MariaDB refuses (it has no deferred constraints, the way SQLite and PostgreSQL refuse
 * one), and a connection the server ends (a killed session, a server restart).
 */
final class ServerSideFailures {

    private ServerSideFailures() {}

    /**
     * The driver property that makes a MariaDB session give up at once on a lock it would otherwise wait up to a day
     * for ({@code lock_wait_timeout}, 86,400 seconds by default), so that a COMMIT during {@link #refusingCommits} fails
     * rather than waits: append it to the URL of the engine whose commits are to be refused.
     */
    static final String NO_LOCK_WAIT = "sessionVariables=lock_wait_timeout=0";

    /**
     * Runs an action while MariaDB refuses every COMMIT of a transaction that wrote something, as it does while a
     * backup holds {@code BACKUP STAGE BLOCK_COMMIT} (what {@code mariadb-backup} takes for its last moments): the
     * COMMIT waits for that lock, times out ({@code 1205 Lock wait timeout exceeded}) and the server rolls the
     * transaction back. The committing session must not wait ({@link #NO_LOCK_WAIT}).
     *
     * @param db a MariaDB database
     * @param action what commits
     */
    static void refusingCommits(TestDatabase db, Runnable action) {
        try (java.sql.Connection backup = MariadbServer.get().connect("");
                Statement s = backup.createStatement()) {
            s.execute("BACKUP STAGE START");
            s.execute("BACKUP STAGE BLOCK_COMMIT");
            try {
                action.run();
            } finally {
                s.execute("BACKUP STAGE END");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take or give back the backup lock: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the server end a session's connection, as a server restart or an administrator would: PostgreSQL's
     * {@code pg_terminate_backend}, MariaDB's {@code KILL CONNECTION}, from a connection of the test's own.
     *
     * @param db a PostgreSQL or MariaDB database
     * @param id what {@link #connectionIdQuery} returned on the connection to end
     */
    static void killConnection(TestDatabase db, Object id) {
        java.util.Properties user = new java.util.Properties();
        user.setProperty("user", java.util.Objects.requireNonNull(db.username(), "a server's user"));
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(db.jdbcUrl(), user);
                Statement s = admin.createStatement()) {
            long pid = ((Number) id).longValue();
            if (db.isMariadb()) {
                s.execute("KILL CONNECTION " + pid);
                awaitGone(s, pid);
            } else {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(" + pid + ", 5000)")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new IllegalStateException("PostgreSQL did not end backend " + pid);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not end connection " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code KILL} returns before the killed session has rolled back and let go of its locks (PostgreSQL's
     * {@code pg_terminate_backend(pid, 5000)} waits): wait until the server has no such session, so that the test's
     * next DDL does not find its tables still locked.
     */
    private static void awaitGone(Statement s, long pid) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (java.sql.ResultSet rs =
                    s.executeQuery("SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = " + pid)) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for connection " + pid + " to end", e);
            }
        }
        throw new IllegalStateException("MariaDB connection " + pid + " was still there 10 s after KILL");
    }

    /**
     * @param db a PostgreSQL or MariaDB database
     * @return the query that gives a session's server-side id, for {@link #killConnection}
     */
    static String connectionIdQuery(TestDatabase db) {
        return db.isMariadb() ? "SELECT CONNECTION_ID()" : "SELECT pg_backend_pid()";
    }
}
