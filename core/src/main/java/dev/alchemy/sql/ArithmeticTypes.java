package dev.alchemy.sql;

import dev.alchemy.types.BigIntegerType;
import dev.alchemy.types.DoubleType;
import dev.alchemy.types.FloatType;
import dev.alchemy.types.IntegerType;
import dev.alchemy.types.NumericType;
import dev.alchemy.types.SmallIntegerType;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The type of an arithmetic expression and of a value bound into one, after SQLAlchemy's coercion (Integer's and
 * Numeric's {@code _expression_adaptations}, {@code TypeEngine.coerce_compared_value}): of two numeric operands the
 * wider type wins, so that {@code n - 0.5} on an INTEGER column is a FLOAT and reads back 4.5, not 4.
 *
 * <p>Where SQLAlchemy's rule would give a Java type too narrow for the values (its SMALLINT + INTEGER is a SMALLINT,
 * INTEGER + a large Python int an INTEGER; Python's ints do not overflow, Java's {@code Short} and {@code Integer}
 * do), the wider integer type wins here. The order of the widths: SMALLINT, INTEGER, BIGINT, NUMERIC, then FLOAT
 * (NUMERIC with FLOAT is a FLOAT, as PostgreSQL makes {@code numeric + double precision} a double, and as SQLAlchemy
 * types it). Two NUMERICs give the one with more decimal places, so a value read on SQLite is not rounded to the
 * fewer. Division follows SQLAlchemy 1.4: INTEGER / INTEGER stays an INTEGER (integer division on SQLite and
 * PostgreSQL, as in Java; MySQL's {@code DIV}). Non-numeric operands (strings, dates, converted types) keep the left operand's type.
 */
final class ArithmeticTypes {

    private ArithmeticTypes() {}

    /** What an operand's type is, for the rules: its affinity and width. */
    private enum Kind {
        SMALLINT,
        INTEGER,
        BIGINT,
        NUMERIC,
        FLOAT,
        OTHER;

        static Kind of(@Nullable SqlType<?> type) {
            if (type instanceof SmallIntegerType) return SMALLINT;
            if (type instanceof IntegerType) return INTEGER;
            if (type instanceof BigIntegerType) return BIGINT;
            if (type instanceof NumericType) return NUMERIC;
            if (type instanceof FloatType<?> || type instanceof DoubleType) return FLOAT;
            return OTHER;
        }

        boolean integral() {
            return this == SMALLINT || this == INTEGER || this == BIGINT;
        }

        boolean fractional() {
            return this == NUMERIC || this == FLOAT;
        }
    }

    /**
     * @param left the left operand's type, or null when unknown
     * @param right the right operand's type, or null when unknown
     * @return whether both operands are integers, so that {@code /} is an integer division
     */
    static boolean bothIntegral(@Nullable SqlType<?> left, @Nullable SqlType<?> right) {
        return Kind.of(left).integral() && Kind.of(right).integral();
    }

    /**
     * The type a Java value takes as the right operand of an arithmetic operator, like SQLAlchemy's
     * {@code coerce_compared_value}: the left operand's type when the value is of the same kind (an {@code Integer}
     * with an INTEGER column, a {@code Double} with a NUMERIC(10, 2) column keeps NUMERIC(10, 2)), the value's own
     * standard type otherwise ({@code 0.5} with an INTEGER column is a FLOAT). An integer that needs a wider integer
     * type gets it ({@code 5_000_000_000L} with an INTEGER column is a BIGINT).
     *
     * @param left the left operand's type, or null when unknown
     * @param value the value
     * @return the value's type, or null to bind it by its Java class
     */
    static @Nullable SqlType<?> ofValue(@Nullable SqlType<?> left, Object value) {
        Kind leftKind = Kind.of(left);
        if (leftKind == Kind.OTHER || !(value instanceof Number)) {
            return left;
        }
        SqlType<?> own = standardType(value);
        if (own == null) {
            return left;
        }
        Kind ownKind = Kind.of(own);
        if (leftKind.integral() && ownKind.integral()) {
            return ownKind.compareTo(leftKind) > 0 ? own : left;
        }
        if (leftKind.fractional() && ownKind.fractional()) {
            // a Double with a Float-valued FLOAT would lose digits in a Float binder
            return isSinglePrecision(left) && !isSinglePrecision(own) ? own : left;
        }
        return own;
    }

    private static @Nullable SqlType<?> standardType(Object value) {
        if (value instanceof Integer) return SqlTypes.INTEGER;
        if (value instanceof Long) return SqlTypes.BIGINT;
        if (value instanceof Short) return SqlTypes.SMALLINT;
        if (value instanceof Double) return SqlTypes.FLOAT;
        if (value instanceof Float) return SqlTypes.forJavaType(Float.class);
        if (value instanceof BigDecimal) return SqlTypes.NUMERIC;
        return null;
    }

    /**
     * The type of {@code left operator right} for {@code +}, {@code -}, {@code *}, {@code /} and {@code %}.
     *
     * @param left the left operand's type, or null when unknown
     * @param right the right operand's type, or null when unknown
     * @return the result's type; null (values read as the driver returns them) when an operand's type is unknown and
     *     the other is numeric, since guessing the narrower one could truncate
     */
    static @Nullable SqlType<?> of(@Nullable SqlType<?> left, @Nullable SqlType<?> right) {
        Kind l = Kind.of(left);
        Kind r = Kind.of(right);
        if (l == Kind.OTHER || r == Kind.OTHER) {
            if (left == null && r != Kind.OTHER || right == null && l != Kind.OTHER) {
                return null;
            }
            return left;
        }
        if (l.integral() && r.integral()) {
            return r.compareTo(l) > 0 ? right : left;
        }
        if (l == Kind.FLOAT || r == Kind.FLOAT) {
            if (l == Kind.FLOAT && r == Kind.FLOAT) {
                return isSinglePrecision(left) && !isSinglePrecision(right) ? right : left;
            }
            SqlType<?> floating = l == Kind.FLOAT ? left : right;
            // a single-precision FLOAT with an integer or NUMERIC: the values need a double
            return isSinglePrecision(floating) ? SqlTypes.FLOAT : floating;
        }
        if (l == Kind.NUMERIC && r == Kind.NUMERIC) {
            return wider((NumericType) java.util.Objects.requireNonNull(left), (NumericType)
                    java.util.Objects.requireNonNull(right));
        }
        return l == Kind.NUMERIC ? left : right;
    }

    private static NumericType wider(NumericType left, NumericType right) {
        if (left.scale() == null || right.scale() == null) {
            // no declared scale: values keep every digit when read, which no declared scale beats
            return left.scale() == null ? left : right;
        }
        return right.scale() > left.scale() ? right : left;
    }

    private static boolean isSinglePrecision(@Nullable SqlType<?> type) {
        return type instanceof FloatType<?> f && f.javaType() == Float.class;
    }
}
