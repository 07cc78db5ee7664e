package dev.alchemy.sql;

import static dev.alchemy.Alchemy.bindparam;
import static dev.alchemy.Alchemy.literal;
import static dev.alchemy.Alchemy.literalColumn;
import static dev.alchemy.types.SqlTypes.BIGINT;
import static dev.alchemy.types.SqlTypes.DATE;
import static dev.alchemy.types.SqlTypes.DOUBLE;
import static dev.alchemy.types.SqlTypes.FLOAT;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.NUMERIC;
import static dev.alchemy.types.SqlTypes.SMALLINT;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.types.SqlTypes;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The types of arithmetic expressions and of the values bound into them, against SQLAlchemy 1.4's for the same
 * expression ({@code repr((t.c.n - 0.5).type)} and {@code repr((t.c.n - 0.5).right.type)}, noted beside each line),
 * with the deliberate differences where SQLAlchemy's rule would give a Java type too narrow for the values.
 */
class ExpressionTypesFollowSqlalchemyTest {

    final Table t = Table.of(
            "t",
            new MetaData(),
            Column.of("id", INTEGER).primaryKey(),
            Column.of("n", INTEGER),
            Column.of("b", BIGINT),
            Column.of("s", SMALLINT),
            Column.of("p", numeric(10, 2)),
            Column.of("q", numeric(12, 4)),
            Column.of("f", FLOAT),
            Column.of("d", DATE),
            Column.of("name", VARCHAR));

    static Object rightType(ColumnElement<?> e) {
        return ((BinaryExpression<?>) e).right().type();
    }

    @Test
    void integerWithAFloatIsAFloat() {
        assertThat(t.c("n").minus(0.5).type()).isEqualTo(FLOAT); // Float()
        assertThat(rightType(t.c("n").minus(0.5))).isEqualTo(FLOAT); // Float()
        assertThat(t.c("n").times(1.5).type()).isEqualTo(FLOAT); // Float()
        assertThat(t.c("n").div(2.0).type()).isEqualTo(FLOAT); // Float()
        assertThat(t.c("n").plus(t.c("f")).type()).isEqualTo(FLOAT); // Float()
        assertThat(t.c("f").div(2).type()).isEqualTo(FLOAT); // Float()
        assertThat(rightType(t.c("f").div(2))).isEqualTo(INTEGER); // Integer()
        assertThat(t.c("n", Integer.class).minus(literal(0.5)).type()).isEqualTo(FLOAT); // Float()
    }

    @Test
    void integerDividedByIntegerIsAnIntegerAsInSqlalchemy14() {
        assertThat(t.c("n").div(2).type()).isEqualTo(INTEGER); // Integer()
        assertThat(rightType(t.c("n").div(2))).isEqualTo(INTEGER); // Integer()
        assertThat(t.c("n").mod(4).type()).isEqualTo(INTEGER); // Integer()
    }

    @Test
    void integerWithNumericIsTheNumeric() {
        assertThat(t.c("n").plus(t.c("p")).type()).isEqualTo(numeric(10, 2)); // Numeric(precision=10, scale=2)
        assertThat(t.c("p").plus(t.c("n")).type()).isEqualTo(numeric(10, 2)); // Numeric(precision=10, scale=2)
        assertThat(t.c("p").div(2).type()).isEqualTo(numeric(10, 2)); // Numeric(precision=10, scale=2)
        assertThat(rightType(t.c("p").div(2))).isEqualTo(INTEGER); // Integer()
        assertThat(t.c("n").times(new BigDecimal("1.5")).type()).isEqualTo(NUMERIC); // Numeric()
    }

    @Test
    void aFractionalValueWithNumericTakesTheColumnsType() {
        assertThat(t.c("p").times(1.5).type()).isEqualTo(numeric(10, 2)); // Numeric(precision=10, scale=2)
        assertThat(rightType(t.c("p").times(1.5))).isEqualTo(numeric(10, 2)); // Numeric(precision=10, scale=2)
        assertThat(rightType(t.c("p").minus(new BigDecimal("0.005")))).isEqualTo(numeric(10, 2));
    }

    @Test
    void numericWithFloatIsAFloat() {
        assertThat(t.c("f").plus(t.c("p")).type()).isEqualTo(FLOAT); // Float()
        assertThat(t.c("p").plus(t.c("f")).type()).isEqualTo(FLOAT); // Float()
        assertThat(t.c("p").plus(literal(1.0, DOUBLE)).type()).isEqualTo(DOUBLE);
    }

    @Test
    void theWiderTypeWinsWhereSqlalchemysWouldBeTooNarrowForJava() {
        assertThat(t.c("n").plus(t.c("b")).type()).isEqualTo(BIGINT); // BigInteger()
        assertThat(t.c("b").plus(t.c("n")).type()).isEqualTo(BIGINT); // BigInteger()
        // SQLAlchemy: SmallInteger(); a Short could not hold 30000 + 30000
        assertThat(t.c("s").plus(t.c("n")).type()).isEqualTo(INTEGER);
        assertThat(t.c("s").plus(1).type()).isEqualTo(INTEGER);
        // SQLAlchemy: Integer() (Python's int has no width); a Long needs BIGINT
        assertThat(t.c("n").plus(5_000_000_000L).type()).isEqualTo(BIGINT);
        assertThat(rightType(t.c("n").plus(5_000_000_000L))).isEqualTo(BIGINT);
        // SQLAlchemy: the right operand's Numeric; the one with more decimal places is not rounded on SQLite
        assertThat(t.c("q").plus(t.c("p")).type()).isEqualTo(numeric(12, 4));
        assertThat(t.c("p").plus(t.c("q")).type()).isEqualTo(numeric(12, 4));
        // SQLAlchemy: Integer(); the remainder of a division by 2.5 can have a fraction
        assertThat(t.c("n").mod(2.5).type()).isEqualTo(FLOAT);
        // a single-precision FLOAT with an integer needs a double's digits
        Column<Float> single = Column.of("g", SqlTypes.forJavaType(Float.class));
        assertThat(single.plus(literal(16_777_217)).type()).isEqualTo(FLOAT);
    }

    @Test
    void anOperandOfUnknownTypeLeavesTheResultToTheDriver() {
        // SQLAlchemy: Integer(); reading an INTEGER would truncate whatever the unknown side holds
        assertThat(t.c("n").plus(literalColumn("3.5")).type()).isNull();
        assertThat(literalColumn("x").minus(t.c("n")).type()).isNull();
        assertThat(t.c("n").plus(bindparam("x")).type()).isNull();
    }

    @Test
    void nonNumericOperandsKeepTheLeftType() {
        assertThat(t.c("name").plus("x").type()).isEqualTo(VARCHAR);
        assertThat(((BinaryExpression<?>) t.c("name").plus("x")).operator()).isEqualTo("||");
        assertThat(t.c("d").plus(t.c("n")).type()).isEqualTo(DATE);
    }
}
