package dev.alchemy.dialect.mysql;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.MultiRowInsertKeys;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.ConnectionProvider;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.Insert;
import dev.alchemy.testing.MariadbServer;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlTypes;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The unit of work's batched INSERT on MySQL, which has no RETURNING: keys from the driver, matched to objects only
 * where InnoDB promises consecutive keys. The MySQL path is forced on the embedded MariaDB server by giving the engine
 * the dialect made for a MySQL 8 server with chosen settings ({@code innodb_autoinc_lock_mode},
 * {@code auto_increment_increment}), through either driver.
 */
@OnDatabases(TestDatabase.Kind.MARIADB)
class MysqlMultiRowInsertKeysTest {

    @Parameter
    TestDatabase db;

    final List<String> sql = new CopyOnWriteArrayList<>();
    final List<Engine> engines = new ArrayList<>();

    @AfterEach
    void clean() {
        engines.forEach(Engine::dispose);
        db.reset();
    }

    @dev.alchemy.orm.Table(name = "items")
    public static class Item {
        @dev.alchemy.orm.Column(primaryKey = true)
        public Long id;

        @dev.alchemy.orm.Column(length = 20)
        public String name;

        @dev.alchemy.orm.Column(length = 20, serverDefault = "'fresh'")
        public String state;

        public Item() {}

        Item(String name) {
            this.name = name;
        }
    }

    /** An engine that speaks to the embedded server as to MySQL 8 with these settings, through one driver. */
    private Engine mysqlEngine(int lockMode, int increment, boolean mysqlConnectorJ) {
        String database = db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1);
        String url = (mysqlConnectorJ ? "jdbc:mysql://127.0.0.1:" : "jdbc:mariadb://127.0.0.1:")
                + MariadbServer.get().port() + "/" + database;
        ConnectionProvider provider = new ConnectionProvider() {
            @Override
            public java.sql.Connection getConnection() throws SQLException {
                java.sql.Connection c = DriverManager.getConnection(url, MariadbServer.USER, "");
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION auto_increment_increment = " + increment);
                }
                return c;
            }

            @Override
            public void releaseConnection(java.sql.Connection connection) throws SQLException {
                connection.close();
            }
        };
        MysqlDialect dialect = new MysqlDialect("mysql", new MysqlServer(false, 8, 0, 36, lockMode, increment));
        Engine engine = Engine.create(provider, dialect, EngineOptions.defaults(), null);
        engine.addStatementListener(e -> sql.add(e.sql()));
        engines.add(engine);
        return engine;
    }

    /** Flushes n new items named i0, i1, ... after rows that move the AUTO_INCREMENT counter on; checks each key. */
    private List<Item> flushAndCheck(Engine engine, int n) {
        Base.of(Item.class).metadata().createAll(engine);
        try (Connection conn = engine.connect()) {
            // keys do not start at 1, and a deleted row leaves a gap before them
            conn.execute(text("INSERT INTO items (id, name) VALUES (100, 'old'), (101, 'gone')"));
            conn.execute(text("DELETE FROM items WHERE id = 101"));
            conn.commit();
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Item("i" + i));
        }
        sql.clear();
        try (Session session = new SessionFactory(engine).openSession()) {
            session.addAll(items);
            session.commit();
        }
        Map<Long, String> stored = new HashMap<>();
        try (Connection conn = engine.connect()) {
            for (var row : conn.execute(text("SELECT id, name FROM items WHERE name <> 'old'"))
                    .all()) {
                stored.put(((Number) row.get(0)).longValue(), (String) row.get(1));
            }
        }
        assertThat(stored).hasSize(n);
        for (Item item : items) {
            assertThat(item.id).isNotNull().isGreaterThan(101L);
            assertThat(stored.get(item.id)).as("the row of key %d", item.id).isEqualTo(item.name);
            assertThat(item.state).isEqualTo("fresh"); // the server default, read back
        }
        assertThat(sql).noneMatch(s -> s.contains("RETURNING"));
        return items;
    }

    private long inserts() {
        return sql.stream().filter(s -> s.startsWith("INSERT")).count();
    }

    /** The flush's SELECTs, not the test's own check. */
    private long selects() {
        return sql.stream()
                .filter(s -> s.startsWith("SELECT") && !s.contains("<> 'old'"))
                .count();
    }

    @Test
    void consecutiveKeysGoInOneStatementPerBatchThroughEitherDriver() {
        for (boolean mysqlConnectorJ : new boolean[] {false, true}) {
            Engine engine = mysqlEngine(1, 1, mysqlConnectorJ);
            assertThat(Dialect.of(engine).multiRowInsertKeys()).isEqualTo(MultiRowInsertKeys.consecutive(1));
            List<Item> items = flushAndCheck(engine, 1_500);
            // 1,000 and 500 rows: two INSERTs and two SELECTs of the server defaults, never one per object
            assertThat(inserts()).as("driver %s", mysqlConnectorJ).isEqualTo(2);
            assertThat(selects()).isEqualTo(2);
            assertThat(items.get(1).id - items.get(0).id).isEqualTo(1);
            db.reset();
        }
    }

    @Test
    void keysFollowAutoIncrementIncrement() {
        Engine engine = mysqlEngine(1, 3, false);
        assertThat(Dialect.of(engine).multiRowInsertKeys()).isEqualTo(MultiRowInsertKeys.consecutive(3));
        List<Item> items = flushAndCheck(engine, 50);
        assertThat(inserts()).isEqualTo(1);
        assertThat(items.get(1).id - items.get(0).id).isEqualTo(3);
    }

    @Test
    void interleavedLockModeInsertsOneRowAtATime() {
        Engine engine = mysqlEngine(2, 1, true);
        assertThat(Dialect.of(engine).multiRowInsertKeys().method())
                .isEqualTo(MultiRowInsertKeys.Method.ONE_ROW_AT_A_TIME);
        flushAndCheck(engine, 30);
        // MySQL 8's default promises consecutive keys only when no other kind of insert runs: one row per INSERT
        assertThat(inserts()).isEqualTo(30);
        assertThat(selects()).isEqualTo(1);
    }

    @Test
    void theDialectReadsTheSettingsWhenItConnects() throws SQLException {
        try (java.sql.Connection c = MariadbServer.get()
                        .connect(db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1));
                Statement s = c.createStatement()) {
            MysqlServer found = MysqlServer.of(c);
            assertThat(found.mariadb()).isTrue();
            assertThat(found.autoincLockMode()).isEqualTo(1); // MariaDB's default
            s.execute("SET SESSION auto_increment_increment = 2");
            MysqlServer stepped = MysqlServer.of(c);
            assertThat(stepped.autoIncrementIncrement()).isEqualTo(2);
            MysqlServer asMysql = new MysqlServer(false, 8, 0, 36, 1, 2);
            assertThat(new MysqlDialect("mysql", asMysql).multiRowInsertKeys())
                    .isEqualTo(MultiRowInsertKeys.consecutive(2));
        }
        // the MariaDB engine itself returns its keys
        Engine engine = db.createEngine();
        assertThat(Dialect.of(engine).multiRowInsertKeys()).isEqualTo(MultiRowInsertKeys.returning());
    }

    @Test
    void coreInsertsReportTheirFirstGeneratedKey() {
        Engine engine = db.createEngine();
        MetaData metadata = new MetaData();
        Table notes = Table.of(
                "notes",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("body", SqlTypes.string(20)).nullable(true));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            Long one =
                    conn.execute(Insert.into(notes).values(Map.of("body", "a"))).lastRowId();
            Long many = conn.execute(Insert.into(notes)
                            .values(List.of(Map.of("body", "b"), Map.of("body", "c"), Map.of("body", "d"))))
                    .lastRowId();
            // a row of defaults only: MySQL's INSERT INTO t () VALUES ()
            Long empty = conn.execute(Insert.into(notes).values(Map.of())).lastRowId();
            assertThat(one).isEqualTo(1L);
            assertThat(many).isEqualTo(2L); // the first row's key
            assertThat(empty).isEqualTo(5L);
            assertThat(conn.execute(text("SELECT count(*) FROM notes WHERE body IS NULL"))
                            .scalar(Integer.class))
                    .isEqualTo(1);
            // a statement that generated no key reports none
            assertThat(conn.execute(text("UPDATE notes SET body = 'x' WHERE id = 1"))
                            .lastRowId())
                    .isNull();
        }
    }
}
