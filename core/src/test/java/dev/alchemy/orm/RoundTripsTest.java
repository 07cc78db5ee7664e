package dev.alchemy.orm;

import static dev.alchemy.Alchemy.bindparam;
import static dev.alchemy.Alchemy.select;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.orm.roundtrips.Address;
import dev.alchemy.orm.roundtrips.User;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.JdbcCalls;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.PgWire;
import dev.alchemy.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.sqlite.SQLiteDataSource;

/**
 * What a short unit of work costs the database, counted rather than timed (issue 26, W3: a fresh session per
 * primary-key lookup). On PostgreSQL the round trips on the wire ({@link PgWire}); on SQLite, which has no wire, the
 * calls that reach the driver ({@link JdbcCalls}: each compiles or steps a statement in SQLite). A session that
 * costs more than these counts is a regression a benchmark would only show as noise on a busy machine.
 *
 * <p>The counts, with HikariCP as the pool (the engine's own, or the application's {@code DataSource}):
 *
 * <ul>
 *   <li>PostgreSQL: {@code session.get} in a fresh session is two round trips, as for raw JDBC: the SELECT, with
 *       pgjdbc's {@code BEGIN} in the same write, then the {@code ROLLBACK} when the session closes. The SELECT stays
 *       server-prepared across sessions (pgjdbc keeps it per physical connection, and the engine sends the same SQL
 *       text each time), so no Parse is sent. No auto-commit switch, validation query or state reset costs a round
 *       trip. A read-only session costs the same two ({@code BEGIN READ ONLY}).
 *   <li>SQLite: the SELECT, kept prepared across sessions on the physical connection, and the ROLLBACK. A read-only
 *       session costs the same: its guard, {@code PRAGMA query_only} on and off, is set only before a statement
 *       that could write (text SQL, an INSERT, UPDATE or DELETE), never for the ORM's and Core's SELECTs. Before
 *       issue 26 it compiled both on every session, and its PRAGMA through the pool's proxy made HikariCP roll back a
 *       second time; until 2026-12-07 every read-only session ran both.
 *   <li>MariaDB, counted as on SQLite under the pool: MariaDB Connector/J prepares each statement on the client, so a
 *       lookup is the prepare, the query and the ROLLBACK, of which the last two reach the server; a read-only
 *       session adds JDBC's read-only switch on and off.
 * </ul>
 */
@OnDatabases
class RoundTripsTest {

    private static final String SELECT_USER = "SELECT users.id, users.name FROM users WHERE users.id = ?";

    @Parameter
    TestDatabase db;

    HikariDataSource pool;
    Engine engine;
    SessionFactory sessions;
    long firstId;

    @BeforeEach
    void setUp() {
        if (db.isPostgresql()) {
            engine = Engine.create(db.url() + "?" + PgWire.URL_PARAMETER);
        } else {
            // SQLite has no wire: the driver's calls are counted under the pool, an application's DataSource; on
            // MariaDB the same, as each statement executed, commit and rollback is one round trip of its driver
            javax.sql.DataSource driver;
            if (db.isSqlite()) {
                SQLiteDataSource sqlite = new SQLiteDataSource();
                sqlite.setUrl(db.jdbcUrl());
                driver = sqlite;
            } else {
                try {
                    driver = new org.mariadb.jdbc.MariaDbDataSource(db.jdbcUrl() + "?user=" + db.username());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            HikariConfig config = new HikariConfig();
            config.setDataSource(JdbcCalls.wrap(driver));
            config.setAutoCommit(false);
            config.setMaximumPoolSize(5);
            config.setMinimumIdle(1);
            pool = new HikariDataSource(config);
            engine = Engine.create(pool);
        }
        Base.of(User.class, Address.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            User ann = new User("ann");
            Address home = new Address("ann@home");
            ann.addresses.add(home);
            session.add(ann);
            session.add(new User("bob"));
            session.commit();
            firstId = ann.id;
        }
        // pgjdbc prepares a statement on the server from its fifth execution on the connection
        for (int i = 0; i < 6; i++) {
            lookup(sessions);
            lookup(sessions.withReadOnly(true));
        }
    }

    @AfterEach
    void tearDown() {
        engine.dispose();
        if (pool != null) {
            pool.close();
        }
        db.reset();
    }

    private void lookup(SessionFactory factory) {
        try (Session session = factory.openSession()) {
            assertThat(session.get(User.class, firstId).name).isEqualTo("ann");
        }
    }

    /**
     * Runs an operation and returns what it cost: on PostgreSQL one entry per round trip, its messages joined
     * ({@code Q:BEGIN B[S_3] E S}); on SQLite one entry per driver call.
     */
    private List<String> cost(Runnable operation) {
        if (db.isPostgresql()) {
            try (PgWire.Recording wire = PgWire.record()) {
                operation.run();
                return wire.trips().stream().map(t -> String.join(" ", t)).toList();
            }
        }
        try (JdbcCalls.Recording calls = JdbcCalls.record()) {
            operation.run();
            return calls.calls();
        }
    }

    @Test
    void aGetInAFreshSessionCostsWhatRawJdbcCosts() {
        List<String> cost = cost(() -> lookup(sessions));
        if (db.isPostgresql()) {
            assertThat(cost)
                    .as("BEGIN with the server-prepared SELECT, then ROLLBACK")
                    .hasSize(2);
            assertThat(cost.get(0)).matches("Q:BEGIN B\\[S_\\d+] E S");
            assertThat(cost.get(1)).matches("B\\[S_\\d+] E S");
        } else if (db.isMariadb()) {
            // MariaDB Connector/J prepares on the client (useServerPrepStmts is off): the query and the ROLLBACK
            // reach the server
            assertThat(cost)
                    .containsExactly("prepareStatement " + SELECT_USER, "executeQuery " + SELECT_USER, "rollback");
        } else {
            assertThat(cost).containsExactly("executeQuery " + SELECT_USER, "rollback");
        }
    }

    @Test
    void aReadOnlySessionCostsNoMoreRoundTrips() {
        List<String> cost = cost(() -> lookup(sessions.withReadOnly(true)));
        if (db.isPostgresql()) {
            assertThat(cost).hasSize(2);
            assertThat(cost.get(0)).matches("Q:BEGIN READ ONLY B\\[S_\\d+] E S");
            assertThat(cost.get(1)).matches("B\\[S_\\d+] E S");
        } else if (db.isMariadb()) {
            // JDBC's read-only switch around the same calls
            assertThat(cost)
                    .containsExactly(
                            "setReadOnly true",
                            "prepareStatement " + SELECT_USER,
                            "executeQuery " + SELECT_USER,
                            "rollback",
                            "setReadOnly false");
        } else {
            // the SELECT cannot write: the PRAGMA query_only guard waits for a statement that could
            assertThat(cost).containsExactly("executeQuery " + SELECT_USER, "rollback");
        }
    }

    @Test
    void aCoreConnectionCostsTheSame() {
        Table users = Base.of(User.class, Address.class).metadata().table("users");
        var query = select(users.c("id"), users.c("name")).where(users.c("id").eq(bindparam("id")));
        Runnable lookup = () -> {
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(query, Map.of("id", firstId)).all()).hasSize(1);
            }
        };
        for (int i = 0; i < 6; i++) {
            lookup.run();
        }
        List<String> cost = cost(lookup);
        if (db.isPostgresql()) {
            assertThat(cost).hasSize(2);
            assertThat(cost.get(0)).matches("Q:BEGIN B\\[S_\\d+] E S");
        } else if (db.isMariadb()) {
            assertThat(cost)
                    .containsExactly("prepareStatement " + SELECT_USER, "executeQuery " + SELECT_USER, "rollback");
        } else {
            assertThat(cost).containsExactly("executeQuery " + SELECT_USER, "rollback");
        }
    }

    @Test
    void loadingACollectionLaterCostsOneMoreStatement() {
        List<String> cost = cost(() -> {
            try (Session session = sessions.openSession()) {
                assertThat(session.get(User.class, firstId).addresses).hasSize(1);
            }
        });
        String selectAddresses = "SELECT addresses.id, addresses.email, addresses.user_id FROM addresses WHERE "
                + "addresses.user_id IN (?)";
        if (db.isPostgresql()) {
            assertThat(cost).hasSize(3);
            assertThat(cost.get(1)).contains("addresses.user_id IN ($1)");
        } else if (db.isMariadb()) {
            assertThat(cost)
                    .containsExactly(
                            "prepareStatement " + SELECT_USER,
                            "executeQuery " + SELECT_USER,
                            "prepareStatement " + selectAddresses,
                            "executeQuery " + selectAddresses,
                            "rollback");
        } else {
            assertThat(cost)
                    .containsExactly(
                            "executeQuery " + SELECT_USER,
                            "prepareStatement " + selectAddresses,
                            "executeQuery " + selectAddresses,
                            "rollback");
        }
    }

    /** The yardstick: raw JDBC over HikariCP, as the benchmark's JDBC contender writes a lookup. */
    @Test
    void rawJdbcCostsTwoRoundTripsOnPostgresql() throws SQLException {
        if (!db.isPostgresql()) {
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl() + "?user=" + db.username() + "&" + PgWire.URL_PARAMETER);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(5);
        config.setMinimumIdle(1);
        try (HikariDataSource raw = new HikariDataSource(config)) {
            Runnable lookup = () -> {
                try (java.sql.Connection c = raw.getConnection();
                        PreparedStatement ps = c.prepareStatement("SELECT id, name FROM users WHERE id = ?")) {
                    ps.setLong(1, firstId);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                    c.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            for (int i = 0; i < 6; i++) {
                lookup.run();
            }
            List<String> cost = cost(lookup);
            assertThat(cost).hasSize(2);
            assertThat(cost.get(0)).matches("Q:BEGIN B\\[S_\\d+] E S");
        }
    }
}
