package dev.alchemy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The primary/standby fixture itself: a real hot standby that streams from the primary. */
class PostgresReplicationTest {

    static PostgresReplication pair;
    static String database;

    @BeforeAll
    static void start() {
        assumeTrue(TestDatabases.enabledKinds().contains(TestDatabase.Kind.POSTGRESQL), "PostgreSQL tests are off");
        pair = PostgresReplication.get();
        database = pair.createDatabase("PostgresReplicationTest");
    }

    @Test
    void theStandbyIsInRecoveryAndThePrimaryIsNot() throws SQLException {
        try (Connection p = pair.connectPrimary(database);
                Connection s = pair.connectStandby(database)) {
            assertThat(inRecovery(p)).isFalse();
            assertThat(inRecovery(s)).isTrue();
        }
    }

    @Test
    void aWriteOnThePrimaryReachesTheStandbyOnceReplayed() throws SQLException {
        try (Connection p = pair.connectPrimary(database);
                Statement ps = p.createStatement()) {
            ps.execute("CREATE TABLE notes (id integer PRIMARY KEY, body text)");
            ps.execute("INSERT INTO notes VALUES (1, 'streamed')");
        }
        pair.awaitReplay();
        try (Connection s = pair.connectStandby(database);
                Statement ss = s.createStatement();
                ResultSet r = ss.executeQuery("SELECT body FROM notes WHERE id = 1")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("streamed");
        }
    }

    @Test
    void theStandbyRefusesWrites() throws SQLException {
        try (Connection s = pair.connectStandby(database);
                Statement ss = s.createStatement()) {
            assertThatThrownBy(() -> ss.execute("CREATE TABLE refused (id integer)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only transaction")
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("25006");
        }
    }

    private static boolean inRecovery(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_is_in_recovery()")) {
            r.next();
            return r.getBoolean(1);
        }
    }
}
