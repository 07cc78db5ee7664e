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
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A stored integer that does not fit the Java type it is read into (too large, a fraction, text) is a
 * {@link DataError} naming the column, the value and the Java type: never a wrapped, truncated or zeroed value, and
 * never a narrowed identity. SQLite stores any 64-bit integer, any real and any text in an INTEGER column; on
 * PostgreSQL the same happens when the Java side declares a narrower type than the database column (a BIGINT, TEXT
 * or NUMERIC column mapped as {@code Integer}). Both the Core (typed results, {@code Row.get(key, type)},
 * {@code scalar}, {@code into}) and the ORM (fields and primary keys) are checked.
 */
@OnDatabases
class IntegersAreNeverNarrowedTest {

    @Parameter
    TestDatabase db;

    Engine engine;

    @BeforeEach
    void open() {
        engine = db.createEngine();
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    /**
     * Creates {@code nums(id, val)} whose {@code val} holds {@code literal}. On SQLite the column is what the Java side
     * declares ({@code sqliteType}); on PostgreSQL a type wide enough for the literal ({@code postgresqlType}).
     */
    private void store(String sqliteType, String postgresqlType, String literal) {
        // MariaDB's NUMERIC without a precision is DECIMAL(10, 0), which would round the fraction away on INSERT
        // (see bareNumericOnMariadbRoundsAFractionAway): give it places, as Alchemy's DDL does
        String serverType = db.isMariadb() && postgresqlType.equals("NUMERIC") ? "NUMERIC(20, 2)" : postgresqlType;
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE nums (id BIGINT PRIMARY KEY, val "
                    + (db.isSqlite() ? sqliteType : serverType) + ")"));
            conn.execute(text("INSERT INTO nums (id, val) VALUES (1, " + literal + ")"));
        });
    }

    private static dev.alchemy.schema.Table nums(SqlType<?> valType) {
        return dev.alchemy.schema.Table.of(
                "nums",
                new MetaData(),
                dev.alchemy.schema.Column.of("id", SqlTypes.BIGINT).primaryKey(),
                dev.alchemy.schema.Column.of("val", valType));
    }

    private void assertUnfit(SqlType<?> valType, String value, String javaType) {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(select(nums(valType))).all())
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("nums.val", value, javaType);
        }
    }

    // ------------------------------------------------------------------ Core, typed columns

    @Test
    void fiveBillionInAnIntegerColumnIsADataErrorNotWrappedTo705032704() {
        store("INTEGER", "BIGINT", "5000000000");
        assertUnfit(SqlTypes.INTEGER, "5000000000", "Integer");
    }

    @Test
    void seventyThousandInASmallintColumnIsADataErrorNotWrappedTo4464() {
        store("SMALLINT", "INTEGER", "70000");
        assertUnfit(SqlTypes.SMALLINT, "70000", "Short");
    }

    @Test
    void textInAnIntegerColumnIsADataErrorNotZero() {
        store("INTEGER", "TEXT", "'abc'");
        assertUnfit(SqlTypes.INTEGER, "abc", "Integer");
        assertUnfit(SqlTypes.BIGINT, "abc", "Long");
    }

    @Test
    void aFractionInAnIntegerColumnIsADataErrorNotTruncated() {
        store("INTEGER", "NUMERIC", "2.75");
        assertUnfit(SqlTypes.INTEGER, "2.75", "Integer");
        assertUnfit(SqlTypes.BIGINT, "2.75", "Long");
        assertUnfit(SqlTypes.SMALLINT, "2.75", "Short");
    }

    @Test
    void bareNumericOnMariadbRoundsAFractionAway() {
        if (!db.isMariadb()) {
            return; // SQLite and PostgreSQL keep the fraction in a NUMERIC without precision
        }
        // the server's rounding, with a note and no error even in strict mode: why Alchemy's DDL refuses a Numeric
        // without precision on MySQL and MariaDB (docs/mysql.md)
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE nums (id BIGINT PRIMARY KEY, val NUMERIC)"));
            conn.execute(text("INSERT INTO nums (id, val) VALUES (1, 2.75)"));
        });
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(nums(SqlTypes.INTEGER))).one().get("val"))
                    .isEqualTo(3);
        }
    }

    @Test
    void valuesThatFitAreReadExactlyAtTheEdgesOfEachType() {
        store("INTEGER", "BIGINT", String.valueOf(Long.MIN_VALUE));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(nums(SqlTypes.BIGINT))).one().get("val"))
                    .isEqualTo(Long.MIN_VALUE);
            conn.execute(text("UPDATE nums SET val = " + Integer.MAX_VALUE));
            assertThat(conn.execute(select(nums(SqlTypes.INTEGER))).one().get("val"))
                    .isEqualTo(Integer.MAX_VALUE);
            conn.execute(text("UPDATE nums SET val = " + Short.MIN_VALUE));
            assertThat(conn.execute(select(nums(SqlTypes.SMALLINT))).one().get("val"))
                    .isEqualTo(Short.MIN_VALUE);
            conn.execute(text("UPDATE nums SET val = 3.0"));
            // a whole number stored as a real (PostgreSQL: 3.0 NUMERIC) loses nothing as an Integer
            assertThat(conn.execute(select(nums(SqlTypes.INTEGER))).one().get("val"))
                    .isEqualTo(3);
            conn.execute(text("UPDATE nums SET val = NULL"));
            assertThat(conn.execute(select(nums(SqlTypes.INTEGER))).one().get("val"))
                    .isNull();
        }
    }

    // ------------------------------------------------------------------ Core, conversions asked for by the caller

    record Val(int val) {}

    record ShortVal(short val) {}

    @Test
    void rowGetScalarAndIntoNeverNarrow() {
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() ->
                            conn.execute(text("SELECT 5000000000 AS val")).one().get("val", Integer.class))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("val", "5000000000", "Integer");
            assertThatThrownBy(() ->
                            conn.execute(text("SELECT 70000 AS val")).one().get(0, Short.class))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("val", "70000", "Short");
            assertThatThrownBy(() -> conn.execute(text("SELECT 2.75 AS val")).scalar(Integer.class))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("val", "2.75", "Integer");
            assertThatThrownBy(() -> conn.execute(text("SELECT 2.75 AS val")).scalar(Long.class))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("2.75", "Long");
            assertThatThrownBy(() -> conn.execute(text("SELECT 'abc' AS val")).scalars(Integer.class))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("val", "abc", "Integer");
            assertThatThrownBy(
                            () -> conn.execute(text("SELECT 5000000000 AS val")).into(Val.class))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("val", "5000000000", "int");
            assertThatThrownBy(() -> conn.execute(text("SELECT 70000 AS val")).into(ShortVal.class))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("val", "70000", "short");
            // what fits converts
            assertThat(conn.execute(text("SELECT 70000 AS val")).into(Val.class))
                    .containsExactly(new Val(70000));
            assertThat(conn.execute(text("SELECT 5000000000 AS val")).scalar(Long.class))
                    .isEqualTo(5_000_000_000L);
            assertThat(conn.execute(text("SELECT 3.0 AS val")).scalar(Integer.class))
                    .isEqualTo(3);
        }
    }

    // ------------------------------------------------------------------ ORM

    @Table(name = "counters")
    static class Counter {
        @Column(primaryKey = true, autoincrement = Column.Autoincrement.FALSE)
        Integer id;

        @Column
        Integer amount;

        @Column
        Short small;

        @Column
        Long big;
    }

    /** The table of {@link Counter}, wider on PostgreSQL than the Java fields (as SQLite's columns always are). */
    private void counters(String... rows) {
        String wide = db.isSqlite() ? "INTEGER" : "BIGINT";
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE counters (id " + wide + " PRIMARY KEY, amount " + wide + ", small " + wide
                    + ", big BIGINT)"));
            for (String row : rows) {
                conn.execute(text("INSERT INTO counters (id, amount, small, big) VALUES (" + row + ")"));
            }
        });
    }

    @Test
    void ormFieldsAreNeverWrapped() {
        counters("1, 5000000000, 1, 1");
        try (Session session = new SessionFactory(engine).openSession()) {
            assertThatThrownBy(() -> session.query(Counter.class).all())
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("counters.amount", "5000000000", "Integer");
        }
        engine.useTransaction(conn -> conn.execute(text("UPDATE counters SET amount = 1, small = 70000")));
        try (Session session = new SessionFactory(engine).openSession()) {
            assertThatThrownBy(() -> session.get(Counter.class, 1))
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("counters.small", "70000", "Short");
        }
        engine.useTransaction(conn -> conn.execute(text("UPDATE counters SET small = 1, big = 9223372036854775807")));
        try (Session session = new SessionFactory(engine).openSession()) {
            Counter c = session.get(Counter.class, 1);
            assertThat(c.big).isEqualTo(Long.MAX_VALUE);
            assertThat(c.small).isEqualTo((short) 1);
        }
    }

    @Test
    void twoRowsWhoseIdsDifferBeyond32BitsAreNeverOneIdentityAndAnUpdateNeverLandsOnTheWrongRow() {
        counters("1, 10, 1, 1", "4294967297, 20, 2, 2");
        try (Session session = new SessionFactory(engine).openSession()) {
            assertThatThrownBy(() -> session.query(Counter.class).all())
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("counters.id", "4294967297", "Integer");
            // the row of the big id, loaded by another column: refused, so it cannot be taken for row 1 and saved
            // over it
            assertThatThrownBy(() ->
                            session.query(Counter.class).filterBy("amount", 20).one())
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("counters.id", "4294967297");
            session.rollback();
            Counter one = session.get(Counter.class, 1);
            one.amount = 11;
            session.commit();
        }
        try (Connection conn = engine.connect()) {
            List<Object> amounts = conn.execute(text("SELECT amount FROM counters ORDER BY id"))
                    .scalars();
            assertThat(amounts).map(v -> ((Number) v).longValue()).containsExactly(11L, 20L);
        }
    }
}
