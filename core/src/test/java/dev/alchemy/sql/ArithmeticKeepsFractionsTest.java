package dev.alchemy.sql;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.literal;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.sql.CoreFixture.row;
import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.FLOAT;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.SMALLINT;
import static dev.alchemy.types.SqlTypes.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Arithmetic on an INTEGER column with a fractional operand keeps the fraction: the expression takes the wider
 * numeric type, as SQLAlchemy's type coercion gives it ({@code n - 0.5} is a FLOAT, {@code n + p} a NUMERIC), and a
 * computed NUMERIC(10, 2) on SQLite is rounded from the float's exact binary value, as SQLAlchemy's {@code "%.2f"}
 * rounds it. The expected values are SQLAlchemy 1.4's for the same rows ({@code /usr/bin/python3}, see
 * docs/sql.md).
 */
@OnDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArithmeticKeepsFractionsTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    final MetaData metadata = new MetaData();
    final Table t = Table.of(
            "measures",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("n", INTEGER),
            Column.of("p", numeric(10, 2)),
            Column.of("s", SMALLINT),
            Column.of("f", FLOAT));

    @BeforeParameterizedClassInvocation
    void createRows() {
        engine = db.createEngine();
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(t)
                    .values(List.of(
                            row("id", 1, "n", 5, "p", new BigDecimal("1.29"), "s", (short) 30000, "f", 0.25),
                            row("id", 2, "n", 7, "p", new BigDecimal("0.99"), "s", (short) 20000, "f", 2.5))));
            conn.commit();
        }
    }

    @AfterParameterizedClassInvocation
    void dropTables() {
        db.reset();
    }

    List<@Nullable Object> values(ColumnElement<?> expression) {
        try (Connection conn = engine.connect()) {
            return conn.execute(select(expression).orderBy(t.c("id"))).scalars();
        }
    }

    @Test
    void integerWithAFractionalValueKeepsTheFraction() {
        assertThat(values(t.c("n").minus(0.5))).containsExactly(4.5, 6.5);
        assertThat(values(t.c("n").times(1.5))).containsExactly(7.5, 10.5);
        assertThat(values(t.c("n").div(2.0))).containsExactly(2.5, 3.5);
        assertThat(values(t.c("n").plus(0.25))).containsExactly(5.25, 7.25);
    }

    @Test
    void typedIntegerColumnWithAFractionalLiteralKeepsTheFraction() {
        Column<Integer> n = t.c("n", Integer.class);
        assertThat(values(n.minus(literal(0.5)))).containsExactly(4.5, 6.5);
        assertThat(values(n.times(t.c("f")))).containsExactly(1.25, 17.5);
    }

    @Test
    void integerDividedByIntegerStaysAnIntegerAsInSqlalchemy14() {
        assertThat(values(t.c("n").div(2))).containsExactly(2, 3);
        // toward zero, as Java divides (MySQL's / would give -2.5000; its DIV is used)
        assertThat(values(t.c("n").times(-1).div(2))).containsExactly(-2, -3);
    }

    @Test
    void integerWithNumericIsNumeric() {
        assertThat(values(t.c("n").plus(t.c("p")))).containsExactly(new BigDecimal("6.29"), new BigDecimal("7.99"));
        assertThat(values(t.c("n").times(new BigDecimal("1.5"))))
                .usingElementComparator((a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b))
                .containsExactly(new BigDecimal("7.5"), new BigDecimal("10.5"));
    }

    @Test
    void numericDividedByIntegerIsRoundedAsSqlalchemyRoundsIt() {
        List<@Nullable Object> halves = values(t.c("p").div(2));
        if (!db.isSqlite()) {
            // exact decimal arithmetic on the server, returned as it computed it (as psycopg2 and the MySQL drivers
            // return it: 0.64500000000000000000 on PostgreSQL, 0.645000 on MariaDB)
            assertThat(halves)
                    .usingElementComparator((a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b))
                    .containsExactly(new BigDecimal("0.645"), new BigDecimal("0.495"));
        } else {
            // 1.29 / 2 is the double 0.64500000000000001776..., 0.99 / 2 is 0.49499999999999999555...
            assertThat(halves).containsExactly(new BigDecimal("0.65"), new BigDecimal("0.49"));
        }
    }

    @Test
    void narrowIntegersWidenToTheWiderOperand() {
        // SMALLINT + INTEGER is an INTEGER: 30000 + 30000 does not fit a Short
        assertThat(values(t.c("s").plus(t.c("s").cast(INTEGER)))).containsExactly(60000, 40000);
        assertThat(values(t.c("n").plus(5_000_000_000L))).containsExactly(5_000_000_005L, 5_000_000_007L);
        assertThat(values(t.c("n").cast(BIGINT).times(t.c("n")))).containsExactly(25L, 49L);
    }
}
