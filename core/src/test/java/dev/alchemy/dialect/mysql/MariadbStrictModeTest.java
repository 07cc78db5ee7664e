package dev.alchemy.dialect.mysql;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DataError;
import dev.alchemy.testing.MariadbServer;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * On a server whose {@code sql_mode} has neither {@code STRICT_TRANS_TABLES} nor {@code STRICT_ALL_TABLES} (MySQL
 * before 5.7, many hosted and upgraded servers), MySQL and MariaDB store a too-long string cut to the column's length
 * and an out-of-range number as the column's largest value, with only a warning. Alchemy's sessions are strict
 * whatever the server's default, through either driver and from a {@code DataSource} too: such a value is a
 * {@code DataError}. The server's global mode is made non-strict for each test and put back after it.
 */
@OnDatabases(TestDatabase.Kind.MARIADB)
class MariadbStrictModeTest {

    /** What MySQL 5.6 shipped with: not strict. */
    static final String NON_STRICT = "NO_ENGINE_SUBSTITUTION";

    @Parameter
    TestDatabase db;

    String globalMode;

    @BeforeEach
    void makeTheServerNonStrict() throws Exception {
        try (java.sql.Connection c = MariadbServer.get().connect("");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.sql_mode")) {
            rs.next();
            globalMode = rs.getString(1);
            s.execute("SET GLOBAL sql_mode = '" + NON_STRICT + "'");
        }
        try (java.sql.Connection c = MariadbServer.get().connect(databaseName());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, code VARCHAR(3), qty TINYINT) ENGINE=InnoDB");
        }
    }

    @AfterEach
    void restore() throws Exception {
        try (java.sql.Connection c = MariadbServer.get().connect("");
                Statement s = c.createStatement()) {
            s.execute("SET GLOBAL sql_mode = '" + globalMode + "'");
        }
        db.reset();
    }

    private String databaseName() {
        return db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1);
    }

    private String hostAndDb() {
        return MariadbServer.USER + "@127.0.0.1:" + MariadbServer.get().port() + "/" + databaseName();
    }

    /** A too-long string and an out-of-range number are refused, and nothing is stored. */
    private static void refusesWhatItWouldCut(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT @@SESSION.sql_mode")).scalar(String.class))
                    .contains("STRICT_TRANS_TABLES");
            assertThatThrownBy(() -> conn.execute(
                            text("INSERT INTO items (id, code, qty) VALUES (1, :code, 1)"), Map.of("code", "ABCDEF")))
                    .isInstanceOf(DataError.class)
                    .hasMessageContaining("Data too long");
            conn.rollback();
            assertThatThrownBy(() -> conn.execute(
                            text("INSERT INTO items (id, code, qty) VALUES (2, 'A', :qty)"), Map.of("qty", 1000)))
                    .isInstanceOf(DataError.class)
                    .hasMessageContaining("Out of range");
            conn.rollback();
            assertThat(conn.execute(text("SELECT count(*) FROM items")).scalar(Long.class))
                    .isZero();
        }
    }

    /** Both drivers make their sessions strict by default; told not to, the server cuts values, as this shows. */
    @Test
    void theServerThisTestMakesReallyCutsValuesForAPlainConnection() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        db.jdbcUrl() + "?user=" + MariadbServer.USER + "&jdbcCompliantTruncation=false");
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO items (id, code, qty) VALUES (1, 'ABCDEF', 1000)");
            try (ResultSet rs = s.executeQuery("SELECT code, qty FROM items")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ABC");
                assertThat(rs.getInt(2)).isEqualTo(127);
            }
        }
    }

    @Test
    void anEngineThroughMariadbConnectorJIsStrict() {
        try (Engine engine = Engine.create("mariadb://" + hostAndDb())) {
            refusesWhatItWouldCut(engine);
        }
    }

    @Test
    void anEngineThroughMysqlConnectorJIsStrict() {
        try (Engine engine = Engine.create("mysql+mysqlconnector://" + hostAndDb())) {
            refusesWhatItWouldCut(engine);
        }
    }

    @Test
    void anEngineOnADataSourceIsStrict() {
        for (String jdbcUrl : new String[] {
            db.jdbcUrl(), "jdbc:mysql://127.0.0.1:" + MariadbServer.get().port() + "/" + databaseName()
        }) {
            try (HikariDataSource dataSource = new HikariDataSource()) {
                dataSource.setJdbcUrl(jdbcUrl);
                dataSource.setUsername(MariadbServer.USER);
                // MySQL Connector/J makes its sessions strict itself unless told not to, as an application may
                dataSource.addDataSourceProperty("jdbcCompliantTruncation", "false");
                try (Engine engine = Engine.create(dataSource)) {
                    refusesWhatItWouldCut(engine);
                }
            }
        }
    }

    @Test
    void aUrlThatTurnsStrictModeOffIsRefused() {
        for (String url : new String[] {
            "mariadb://" + hostAndDb() + "?jdbcCompliantTruncation=false",
            "mysql+mysqlconnector://" + hostAndDb() + "?jdbcCompliantTruncation=false",
            db.jdbcUrl() + "?user=" + MariadbServer.USER + "&jdbcCompliantTruncation=false"
        }) {
            assertThatThrownBy(() -> {
                        try (Engine engine = Engine.create(url);
                                Connection conn = engine.connect()) {
                            conn.execute(text("SELECT 1"));
                        }
                    })
                    .as(url)
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("jdbcCompliantTruncation");
        }
    }
}
