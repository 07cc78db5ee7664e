package dev.alchemy.engine.internal;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.DBAPIError;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connection prepares a repeated statement once, and closes what it prepared when it closes. */
class StatementCacheTest {

    @TempDir
    Path dir;

    /** Prepared statements handed out by a fake connection, and which of them were closed. */
    static final class Fake {
        final List<String> prepared = new ArrayList<>();
        final List<String> closed = new ArrayList<>();

        java.sql.Connection connection() {
            return (java.sql.Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {java.sql.Connection.class}, (p, m, args) -> {
                        if (m.getName().equals("prepareStatement")) {
                            String sql = (String) args[0];
                            prepared.add(sql);
                            return statement(sql);
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
        }

        private PreparedStatement statement(String sql) {
            return (PreparedStatement) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p, m, args) -> {
                        if (m.getName().equals("close")) {
                            closed.add(sql);
                            return null;
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    @Test
    void aStatementIsPreparedOnceAndClosedWithTheCache() throws Exception {
        Fake fake = new Fake();
        java.sql.Connection jdbc = fake.connection();
        StatementCache cache = new StatementCache(jdbc);
        PreparedStatement first = cache.prepare("SELECT 1");
        assertThat(cache.prepare("SELECT 1")).isSameAs(first);
        cache.prepare("SELECT 2");
        assertThat(fake.prepared).containsExactly("SELECT 1", "SELECT 2");
        cache.closeAll();
        assertThat(fake.closed).containsExactlyInAnyOrder("SELECT 1", "SELECT 2");
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedStatementIsClosedBeyondTheLimit() throws Exception {
        Fake fake = new Fake();
        java.sql.Connection jdbc = fake.connection();
        StatementCache cache = new StatementCache(jdbc);
        for (int i = 0; i < StatementCache.SIZE; i++) {
            cache.prepare("SELECT " + i);
        }
        cache.prepare("SELECT 0"); // used again: SELECT 1 is now the eldest
        cache.prepare("SELECT new");
        assertThat(fake.closed).containsExactly("SELECT 1");
        assertThat(cache.size()).isEqualTo(StatementCache.SIZE);
    }

    @Test
    void aDiscardedStatementIsClosedAndPreparedAnewNextTime() throws Exception {
        Fake fake = new Fake();
        java.sql.Connection jdbc = fake.connection();
        StatementCache cache = new StatementCache(jdbc);
        PreparedStatement first = cache.prepare("SELECT 1");
        cache.discard("SELECT 1");
        assertThat(fake.closed).containsExactly("SELECT 1");
        assertThat(cache.prepare("SELECT 1")).isNotSameAs(first);
    }

    @Test
    void aRepeatedStatementWorksAfterAFailureAndAfterTheSchemaChanged() {
        Engine engine = createEngine("sqlite:///" + dir.resolve("cache.db"));
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR)"));
            conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"), Map.of("id", 1, "name", "a"));
            assertThatThrownBy(() -> conn.execute(
                            text("INSERT INTO t (id, name) VALUES (:id, :name)"), Map.of("id", 1, "name", "b")))
                    .isInstanceOf(DBAPIError.class);
            conn.rollback();
            conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR)"));
            conn.execute(text("INSERT INTO t (id, name) VALUES (:id, :name)"), Map.of("id", 2, "name", "b"));
            assertThat(conn.execute(text("SELECT name FROM t WHERE id = :id"), Map.of("id", 2))
                            .scalar())
                    .isEqualTo("b");
            assertThat(conn.execute(text("SELECT * FROM t WHERE id = :id"), Map.of("id", 2))
                            .one()
                            .size())
                    .isEqualTo(2);
            conn.execute(text("ALTER TABLE t ADD COLUMN email VARCHAR"));
            conn.execute(text("UPDATE t SET email = 'x' WHERE id = 2"));
            assertThat(conn.execute(text("SELECT * FROM t WHERE id = :id"), Map.of("id", 2))
                            .one()
                            .size())
                    .isEqualTo(3);
        } finally {
            engine.dispose();
        }
    }
}
