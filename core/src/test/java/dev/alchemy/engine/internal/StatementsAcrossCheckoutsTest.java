package dev.alchemy.engine.internal;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.ConnectionProvider;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DBAPIError;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * On SQLite, a statement prepared by one checkout of a pooled connection is reused by the next checkout of the same
 * physical connection, and the pool still ends transactions and hands out clean connections.
 */
class StatementsAcrossCheckoutsTest {

    private static final String LOOKUP = "SELECT name FROM t WHERE id = :id";

    @TempDir
    Path dir;

    private Engine engine(String name) {
        Engine engine = createEngine(
                "sqlite:///" + dir.resolve(name), EngineOptions.defaults().poolSize(1));
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR)"));
            conn.execute(text("INSERT INTO t (id, name) VALUES (1, 'a')"));
        });
        return engine;
    }

    /** The statement the connection's cache holds for a text statement's SQL (prepared now if it holds none). */
    private static PreparedStatement cached(Connection conn, String sql) throws SQLException {
        return ((DefaultConnection) conn).statementCache().prepare(sql);
    }

    @Test
    void twoCheckoutsOfOnePhysicalConnectionPrepareAStatementOnce() throws Exception {
        Engine engine = engine("twice.db");
        try {
            String sql = text(LOOKUP).compile(engine.dialect()).sql();
            PreparedStatement first;
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text(LOOKUP), Map.of("id", 1)).scalar()).isEqualTo("a");
                first = cached(conn, sql);
            }
            assertThat(first.isClosed()).isFalse();
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text(LOOKUP), Map.of("id", 1)).scalar()).isEqualTo("a");
                assertThat(cached(conn, sql)).isSameAs(first);
            }
            assertThat(((DefaultEngine) engine).statementCaches().size()).isEqualTo(1);
            engine.dispose();
            assertThat(first.isClosed()).isTrue();
        } finally {
            engine.dispose();
        }
    }

    @Test
    void aFailedStatementIsClosedAndPreparedAnew() throws Exception {
        Engine engine = engine("failed.db");
        try (Connection conn = engine.connect()) {
            String insert = "INSERT INTO t (id, name) VALUES (:id, :name)";
            conn.execute(text(insert), Map.of("id", 2, "name", "b"));
            PreparedStatement before =
                    cached(conn, text(insert).compile(engine.dialect()).sql());
            assertThatThrownBy(() -> conn.execute(text(insert), Map.of("id", 2, "name", "c")))
                    .isInstanceOf(DBAPIError.class);
            assertThat(before.isClosed()).isTrue();
            conn.rollback();
            conn.execute(text(insert), Map.of("id", 3, "name", "c"));
            assertThat(conn.execute(text(LOOKUP), Map.of("id", 3)).scalar()).isEqualTo("c");
        } finally {
            engine.dispose();
        }
    }

    @Test
    void anExecutemanyRefusedWhileBindingLeavesNoRowsBatchedInTheKeptStatement() {
        Engine engine = engine("batch.db");
        String insert = "INSERT INTO t (id, name) VALUES (:id, :name)";
        try {
            try (Connection conn = engine.connect()) {
                assertThatThrownBy(() -> conn.execute(
                                text(insert),
                                List.of(Map.of("id", 2, "name", "b"), Map.of("id", 3, "name", "lone \uD800"))))
                        .isInstanceOf(ArgumentError.class);
            }
            try (Connection conn = engine.connect()) {
                conn.execute(text(insert), List.of(Map.of("id", 4, "name", "d"), Map.of("id", 5, "name", "e")));
                conn.commit();
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT id FROM t ORDER BY id")).scalars())
                        .containsExactly(1, 4, 5);
            }
        } finally {
            engine.dispose();
        }
    }

    @Test
    void workNotCommittedIsRolledBackBeforeTheNextCheckout() {
        Engine engine = engine("rollback.db");
        try {
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"), Map.of("id", 2, "name", "b"));
            } // not committed: rolled back, although the pool's proxy did not see the statement
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT count(*) FROM t")).scalar())
                        .isEqualTo(1);
            }
            // and the write lock is free: another connection to the file can write
            try (java.sql.Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rollback.db"))) {
                other.createStatement().execute("INSERT INTO t (id, name) VALUES (9, 'z')");
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT count(*) FROM t")).scalar())
                        .isEqualTo(2);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        } finally {
            engine.dispose();
        }
    }

    @Test
    void aStatementKeptAcrossCheckoutsSeesSchemaChanges() {
        Engine engine = engine("schema.db");
        try {
            String all = "SELECT * FROM t WHERE id = :id";
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text(all), Map.of("id", 1)).one().size())
                        .isEqualTo(2);
            }
            engine.useTransaction(conn -> conn.execute(text("ALTER TABLE t ADD COLUMN email VARCHAR")));
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text(all), Map.of("id", 1)).one().size())
                        .isEqualTo(3);
            }
        } finally {
            engine.dispose();
        }
    }

    @Test
    void aPhysicalConnectionIsOwnedByOneCheckoutAtATime() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("owned.db"));
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config);
                java.sql.Connection pooled = pool.getConnection()) {
            StatementCaches caches = new StatementCaches();
            assertThat(StatementCaches.isHikariProxy(pooled)).isTrue();
            StatementCache cache = caches.acquire(pooled);
            assertThat(cache).isNotNull();
            assertThat(caches.acquire(pooled)).isNull();
            PreparedStatement ps = cache.prepare("SELECT 1");
            caches.dispose(); // while in use: closed when the checkout gives it back
            assertThat(ps.isClosed()).isFalse();
            cache.release();
            assertThat(ps.isClosed()).isTrue();
            assertThat(caches.acquire(pooled)).isNull();
        }
    }

    @Test
    void theCacheOfAClosedPhysicalConnectionIsDropped() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("dropped.db");
        StatementCaches caches = new StatementCaches();
        java.sql.Connection first = DriverManager.getConnection(url);
        StatementCache cache = caches.acquire(first);
        assertThat(cache).isNotNull();
        cache.prepare("SELECT 1");
        cache.release();
        first.close(); // as a pool retires a connection
        try (java.sql.Connection second = DriverManager.getConnection(url)) {
            assertThat(caches.acquire(second)).isNotNull();
            assertThat(caches.size()).isEqualTo(1);
        }
    }

    /**
     * A data source that wraps every connection of another, as statement-logging, metrics and tracing proxies do
     * (p6spy, datasource-proxy), following the JDBC wrapper protocol, and counts the statements made through it.
     */
    private static DataSource wrapping(DataSource target, AtomicInteger prepared, AtomicInteger created) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object wrapped = wrapperProtocol(target, method, args);
                    if (wrapped != NOT_WRAPPER) {
                        return wrapped;
                    }
                    Object result = invoke(target, method, args);
                    return result instanceof java.sql.Connection c ? wrap(c, prepared, created) : result;
                });
    }

    private static java.sql.Connection wrap(java.sql.Connection target, AtomicInteger prepared, AtomicInteger created) {
        return (java.sql.Connection) Proxy.newProxyInstance(
                java.sql.Connection.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class},
                (proxy, method, args) -> {
                    Object wrapped = wrapperProtocol(target, method, args);
                    if (wrapped != NOT_WRAPPER) {
                        return wrapped;
                    }
                    if (method.getName().equals("prepareStatement")) {
                        prepared.incrementAndGet();
                    } else if (method.getName().equals("createStatement")) {
                        created.incrementAndGet();
                    }
                    return invoke(target, method, args);
                });
    }

    private static final Object NOT_WRAPPER = new Object();

    /** {@code isWrapperFor} and {@code unwrap} as wrappers answer them: for what they wrap, and what that wraps. */
    private static Object wrapperProtocol(java.sql.Wrapper target, Method method, Object[] args) throws SQLException {
        if (method.getName().equals("isWrapperFor")) {
            Class<?> iface = (Class<?>) args[0];
            return iface.isInstance(target) || target.isWrapperFor(iface);
        }
        if (method.getName().equals("unwrap")) {
            Class<?> iface = (Class<?>) args[0];
            return iface.isInstance(target) ? target : target.unwrap(iface);
        }
        return NOT_WRAPPER;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static HikariDataSource pool(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setMaximumPoolSize(1);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    @Test
    void aWrappingDataSourceSeesEveryStatementAndThePhysicalConnectionIsPreparedOnce() {
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        try (HikariDataSource pool = pool(dir.resolve("wrapped.db"))) {
            Engine engine = createEngine(wrapping(pool, prepared, created));
            try {
                engine.useTransaction(conn -> {
                    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR)"));
                    conn.execute(text("INSERT INTO t (id, name) VALUES (1, 'a')"));
                });
                prepared.set(0);
                created.set(0);
                for (int i = 0; i < 3; i++) {
                    try (Connection conn = engine.connect()) {
                        assertThat(conn.execute(text(LOOKUP), Map.of("id", 1)).scalar())
                                .isEqualTo("a");
                    }
                }
                assertThat(prepared.get()).isEqualTo(3); // the wrapper saw each checkout prepare the lookup
                assertThat(created.get()).isZero(); // foreign keys were switched on once, not per checkout
                assertThat(((DefaultEngine) engine).statementCaches().size()).isZero();
            } finally {
                engine.dispose();
            }
        }
    }

    @Test
    void keepStatementsPastWrappersKeepsThemOnThePhysicalConnectionUnderTheWrapper() throws Exception {
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        try (HikariDataSource pool = pool(dir.resolve("past.db"))) {
            Engine engine = createEngine(
                    wrapping(pool, prepared, created), EngineOptions.defaults().keepStatementsPastWrappers(true));
            try {
                engine.useTransaction(conn -> {
                    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR)"));
                    conn.execute(text("INSERT INTO t (id, name) VALUES (1, 'a')"));
                });
                String sql = text(LOOKUP).compile(engine.dialect()).sql();
                prepared.set(0);
                PreparedStatement first;
                try (Connection conn = engine.connect()) {
                    assertThat(conn.execute(text(LOOKUP), Map.of("id", 1)).scalar())
                            .isEqualTo("a");
                    first = cached(conn, sql);
                }
                assertThat(first.isClosed()).isFalse();
                try (Connection conn = engine.connect()) {
                    assertThat(conn.execute(text(LOOKUP), Map.of("id", 1)).scalar())
                            .isEqualTo("a");
                    assertThat(cached(conn, sql)).isSameAs(first);
                    // uncommitted work through the kept statements is still rolled back when the connection goes back
                    conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"), Map.of("id", 2, "name", "b"));
                }
                try (Connection conn = engine.connect()) {
                    assertThat(conn.execute(text("SELECT count(*) FROM t")).scalar())
                            .isEqualTo(1);
                }
                assertThat(prepared.get()).isZero();
                assertThat(((DefaultEngine) engine).statementCaches().size()).isEqualTo(1);
            } finally {
                engine.dispose();
            }
        }
    }

    @Test
    void connectionsOfOtherDataSourcesAndSpringTransactionsKeepStatementsToThemselves() throws Exception {
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + dir.resolve("plain.db"));
        Engine overPlain = Engine.create(plain);
        try (Connection conn = overPlain.connect()) {
            conn.execute(text("SELECT 1"));
        } finally {
            overPlain.dispose();
        }
        assertThat(((DefaultEngine) overPlain).statementCaches().size()).isZero();

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("external.db"));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ConnectionProvider external = new ConnectionProvider() {
                @Override
                public java.sql.Connection getConnection() throws SQLException {
                    return pool.getConnection();
                }

                @Override
                public void releaseConnection(java.sql.Connection connection) throws SQLException {
                    connection.close();
                }

                @Override
                public boolean isTransactionManagedExternally(java.sql.Connection connection) {
                    return true;
                }
            };
            Engine engine = Engine.create(external, EngineDialect.forName("sqlite"), EngineOptions.defaults(), pool);
            try (Connection conn = engine.connect()) {
                conn.execute(text("SELECT 1"));
            } finally {
                engine.dispose();
            }
            assertThat(((DefaultEngine) engine).statementCaches().size()).isZero();
        }
    }
}
