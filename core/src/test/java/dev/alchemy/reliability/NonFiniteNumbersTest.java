package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.DataError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.schema.MetaData;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import dev.alchemy.types.FloatType;
import dev.alchemy.types.SqlTypes;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * NaN, infinities and numbers beyond a type's range are never stored as something else. SQLite has no NaN (it
 * stores NULL instead) and keeps non-integer NUMERIC values as 8-byte floats (1e400 would become Infinity): both
 * are refused at bind time with an {@link ArgumentError} naming the column and the value, and nothing is written.
 * PostgreSQL's {@code float8} and {@code real} store NaN and the infinities natively, so there they are kept and
 * read back. MySQL and MariaDB have neither NaN nor the infinities, and MariaDB Connector/J would write them into the
 * SQL text as words ({@code Unknown column 'NaN'}): they are refused at bind time too. A stored value that cannot be
 * read in its Java type (a REAL Infinity in a NUMERIC column on SQLite, a {@code 'NaN'} NUMERIC on PostgreSQL) is a
 * {@link DataError} naming the column, never a raw JDK exception; MariaDB's DECIMAL cannot hold such a value at all.
 */
@OnDatabases
class NonFiniteNumbersTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    dev.alchemy.schema.Table measures;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        MetaData metadata = new MetaData();
        measures = dev.alchemy.schema.Table.of(
                "measures",
                metadata,
                dev.alchemy.schema.Column.of("id", SqlTypes.INTEGER).primaryKey(),
                dev.alchemy.schema.Column.of("x", SqlTypes.DOUBLE),
                dev.alchemy.schema.Column.of("required", SqlTypes.DOUBLE).notNull(),
                dev.alchemy.schema.Column.of("f", new FloatType<>(Float.class, null)),
                dev.alchemy.schema.Column.of("amount", SqlTypes.numeric(10, 2)),
                // MySQL's DECIMAL needs a precision (65 digits at most); SQLite and PostgreSQL take NUMERIC alone
                dev.alchemy.schema.Column.of("big", db.isMariadb() ? SqlTypes.numeric(65, 30) : SqlTypes.NUMERIC));
        metadata.createAll(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private long rows() {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT count(*) FROM measures")).scalar(Long.class);
        }
    }

    /** Inserts a row, the columns not given NULL. */
    private void insertRow(Map<String, Object> values) {
        Map<String, Object> row = new HashMap<>();
        for (String name : List.of("id", "x", "required", "f", "amount", "big")) {
            row.put(name, values.get(name));
        }
        engine.useTransaction(conn -> conn.execute(insert(measures), row));
    }

    @Test
    void nanIsRefusedOnSqliteAndMariadbAndKeptOnPostgresql() {
        Map<String, Object> row = Map.of("id", 1, "x", Double.NaN, "required", 1.0);
        if (!db.isPostgresql()) {
            assertThatThrownBy(() -> insertRow(row))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContainingAll("'x'", "NaN");
            assertThat(rows()).isZero();
        } else {
            insertRow(row);
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(select(measures.c("x"))).scalar()).isEqualTo(Double.NaN);
            }
        }
    }

    @Test
    void nanIntoANotNullColumnIsAboutNanNotNull() {
        if (!db.isPostgresql()) {
            assertThatThrownBy(() -> insertRow(Map.of("id", 1, "required", Double.NaN)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContainingAll("'required'", "NaN")
                    .hasMessageNotContaining("NOT NULL");
            assertThat(rows()).isZero();
        } else {
            insertRow(Map.of("id", 1, "required", Double.NaN));
            assertThat(rows()).isOne();
        }
    }

    @Test
    void nanThroughTheOrmIsRefusedOnSqliteAndMariadbBeforeAnythingIsWritten() {
        Base.of(Reading.class).metadata().createAll(engine);
        try (Session session = new SessionFactory(engine).openSession()) {
            Reading ok = new Reading();
            ok.id = 1;
            ok.value = 1.5;
            Reading nan = new Reading();
            nan.id = 2;
            nan.value = Double.NaN;
            session.add(ok);
            session.add(nan);
            if (!db.isPostgresql()) {
                assertThatThrownBy(session::commit)
                        .isInstanceOf(ArgumentError.class)
                        .hasMessageContainingAll("'value'", "NaN");
            } else {
                session.commit();
            }
        }
        try (Connection conn = engine.connect()) {
            long count = conn.execute(text("SELECT count(*) FROM readings")).scalar(Long.class);
            assertThat(count).isEqualTo(db.isPostgresql() ? 2 : 0);
        }
    }

    @Table(name = "readings")
    static class Reading {
        @Column(primaryKey = true, autoincrement = Column.Autoincrement.FALSE)
        Integer id;

        @Column
        Double value;
    }

    @Test
    void infinityInADoubleColumnIsKeptOnSqliteAndPostgresqlAndRefusedOnMariadb() {
        if (db.isMariadb()) {
            assertThatThrownBy(() -> insertRow(Map.of("id", 1, "x", Double.POSITIVE_INFINITY, "required", 1.0)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContainingAll("'x'", "Infinity");
            assertThatThrownBy(() -> insertRow(Map.of("id", 1, "required", 1.0, "f", Float.NEGATIVE_INFINITY)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContainingAll("'f'", "-Infinity");
            assertThat(rows()).isZero();
            return;
        }
        insertRow(Map.of("id", 1, "x", Double.POSITIVE_INFINITY, "required", Double.NEGATIVE_INFINITY));
        try (Connection conn = engine.connect()) {
            var row = conn.execute(select(measures)).one();
            assertThat(row.get("x")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(row.get("required")).isEqualTo(Double.NEGATIVE_INFINITY);
        }
    }

    @Test
    void aDecimalBeyondTheDoubleRangeIsNeverStoredAsInfinity() {
        BigDecimal huge = new BigDecimal("1e400");
        // a DOUBLE column cannot hold it anywhere
        assertThatThrownBy(() -> insertRow(Map.of("id", 1, "x", huge, "required", 1.0)))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContainingAll("'x'", "1E+400");
        if (db.isSqlite()) {
            // SQLite keeps a NUMERIC that is not a 64-bit integer as an 8-byte float
            assertThatThrownBy(() -> insertRow(Map.of("id", 1, "required", 1.0, "big", huge)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContainingAll("'big'", "1E+400");
            assertThat(rows()).isZero();
        } else if (db.isMariadb()) {
            // DECIMAL(65, 30) holds 35 digits before the point: the server refuses the value, nothing is cut
            assertThatThrownBy(() -> insertRow(Map.of("id", 1, "required", 1.0, "big", huge)))
                    .isInstanceOf(DataError.class)
                    .hasMessageContaining("big");
            assertThat(rows()).isZero();
        } else {
            insertRow(Map.of("id", 1, "required", 1.0, "big", huge));
            try (Connection conn = engine.connect()) {
                assertThat((BigDecimal) conn.execute(select(measures.c("big"))).scalar())
                        .isEqualByComparingTo(huge);
            }
        }
    }

    @Test
    void aDoubleBeyondTheFloatRangeIsNeverStoredAsInfinity() {
        assertThatThrownBy(() -> insertRow(Map.of("id", 1, "required", 1.0, "f", 1e300)))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContainingAll("'f'", "1.0E300");
        assertThat(rows()).isZero();
    }

    @Test
    void theLargestFloatIsStoredAndFoundNotRefused() {
        // MariaDB Connector/J sent Float.MAX_VALUE as 3.4028235E38, a double above the float range that the server
        // refused ("Out of range value"); it is bound as the float's exact double value
        insertRow(Map.of("id", 1, "required", 1.0, "f", Float.MAX_VALUE));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(measures.c("id"))
                                    .where(measures.c("f").eq(Float.MAX_VALUE)))
                            .scalar())
                    .isEqualTo(1);
        }
    }

    @Test
    void aNonFiniteDoubleForANumericColumnIsAnArgumentErrorNotANumberFormatException() {
        assertThatThrownBy(() -> insertRow(Map.of("id", 1, "required", 1.0, "amount", Double.NaN)))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContainingAll("'amount'", "NaN");
        assertThatThrownBy(() -> insertRow(Map.of("id", 1, "required", 1.0, "amount", Double.POSITIVE_INFINITY)))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContainingAll("'amount'", "Infinity");
        assertThat(rows()).isZero();
    }

    @Test
    void aStoredValueThatBigDecimalCannotHoldIsADataErrorNamingTheColumn() {
        if (db.isMariadb()) {
            // MariaDB's DECIMAL has no NaN: another program cannot store one either (strict mode refuses it)
            assertThatThrownBy(() -> engine.useTransaction(conn ->
                            conn.execute(text("INSERT INTO measures (id, required, amount) VALUES (1, 1.0, 'NaN')"))))
                    .isInstanceOf(DataError.class)
                    .hasMessageContaining("amount");
            assertThat(rows()).isZero();
            return;
        }
        // written by another program: SQLite's 9e999 is a REAL Infinity; PostgreSQL's NUMERIC has 'NaN'
        String value = db.isSqlite() ? "9e999" : "'NaN'";
        engine.useTransaction(conn ->
                conn.execute(text("INSERT INTO measures (id, required, amount) VALUES (1, 1.0, " + value + ")")));
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(select(measures)).all())
                    .isInstanceOf(DataError.class)
                    .hasMessageContainingAll("measures.amount", db.isSqlite() ? "Infinity" : "NaN", "BigDecimal");
            // the connection and its transaction stay usable
            assertThat(conn.execute(select(measures.c("id"))).scalar()).isEqualTo(1);
        }
    }
}
