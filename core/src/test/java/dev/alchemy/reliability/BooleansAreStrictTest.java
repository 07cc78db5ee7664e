package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.DataError;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.schema.MetaData;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.SqlTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A BOOLEAN column read on a database without a boolean type (SQLite: any value in any column; MySQL and MariaDB: a
 * TINYINT(1), which holds -128 to 127) gives {@code true} or {@code false} only for 1 and 0; anything else is a
 * {@link DataError} naming the column, the value and the Java type, never a guess. SQLAlchemy 1.4 reads these with
 * Python's {@code bool()}: 2, -1, 0.5 and {@code 'abc'} all come back {@code True}, {@code 'false'} too. PostgreSQL's
 * BOOLEAN holds nothing else, so the suite does not run there.
 */
@OnDatabases({TestDatabase.Kind.SQLITE, TestDatabase.Kind.MARIADB})
class BooleansAreStrictTest {

    @Parameter
    TestDatabase db;

    Engine engine;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        engine.useTransaction(conn -> conn.execute(text("CREATE TABLE flags (id BIGINT PRIMARY KEY, val BOOLEAN)")));
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private static final dev.alchemy.schema.Table FLAGS = dev.alchemy.schema.Table.of(
            "flags",
            new MetaData(),
            dev.alchemy.schema.Column.of("id", SqlTypes.BIGINT).primaryKey(),
            dev.alchemy.schema.Column.of("val", SqlTypes.BOOLEAN));

    private void store(String literal) {
        engine.useTransaction(conn -> {
            conn.execute(text("DELETE FROM flags"));
            conn.execute(text("INSERT INTO flags (id, val) VALUES (1, " + literal + ")"));
        });
    }

    private void assertRefused(String literal, String shown) {
        store(literal);
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(select(FLAGS)).all())
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("flags.val", shown, "Boolean");
            assertThatThrownBy(() -> conn.execute(select(FLAGS.c("val"))).scalar())
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll(shown, "Boolean");
        }
    }

    @Test
    void zeroOneAndNullAreFalseTrueAndNull() {
        engine.useTransaction(
                conn -> conn.execute(text("INSERT INTO flags (id, val) VALUES (1, 0), (2, 1), (3, NULL)")));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(FLAGS.c("val")).orderBy(FLAGS.c("id")))
                            .scalars())
                    .containsExactly(false, true, null);
            // what Alchemy writes reads back
            conn.execute(dev.alchemy.Alchemy.insert(FLAGS).values(java.util.Map.of("id", 4, "val", true)));
            assertThat(conn.execute(select(FLAGS.c("val")).where(FLAGS.c("id").eq(4)))
                            .scalar())
                    .isEqualTo(true);
            // a comparison is a boolean too
            assertThat(conn.execute(select(FLAGS.c("id").gt(1)).orderBy(FLAGS.c("id")))
                            .scalars())
                    .containsExactly(false, true, true, true);
        }
    }

    @Test
    void twoAndMinusOneAreRefusedNotTrue() {
        assertRefused("2", "2");
        assertRefused("-1", "-1");
    }

    @Test
    void textAndFractionsAreRefusedOnSqlite() {
        if (!db.isSqlite()) {
            return; // MySQL's TINYINT holds neither
        }
        assertRefused("'abc'", "abc");
        assertRefused("'false'", "false");
        assertRefused("0.5", "0.5");
        assertRefused("X'01'", "1 bytes");
    }

    @Test
    void textThatSqliteStoresAsAnIntegerIsRead() {
        if (!db.isSqlite()) {
            return;
        }
        store("'1'"); // the column's NUMERIC affinity stores the integer 1
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(FLAGS.c("val"))).scalar()).isEqualTo(true);
        }
        store("0.0"); // stored as the integer 0
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(FLAGS.c("val"))).scalar()).isEqualTo(false);
        }
    }

    @Table(name = "flags")
    static class Flag {
        @Column(primaryKey = true, autoincrement = Column.Autoincrement.FALSE)
        Long id;

        @Column
        Boolean val;
    }

    @Test
    void anOrmFieldIsRefusedToo() {
        store("2");
        try (Session session = new SessionFactory(engine).openSession()) {
            assertThatThrownBy(() -> session.get(Flag.class, 1L))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("flags.val", "2", "Boolean");
        }
    }
}
