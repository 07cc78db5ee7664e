package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code left operator right}: a comparison, arithmetic or concatenation.
 *
 * @param left the left operand
 * @param operator the SQL operator, e.g. {@code =}, {@code LIKE}, {@code +}
 * @param right the right operand
 * @param type the type of the result
 * @param <T> the Java type of the result
 */
public record BinaryExpression<T>(
        ColumnElement<?> left,
        String operator,
        ColumnElement<?> right,
        @Nullable SqlType<T> type) implements ColumnElement<T> {

    /** Checks the operands. */
    public BinaryExpression {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    /**
     * A comparison, whose result is boolean.
     *
     * @param left the left operand
     * @param operator the operator
     * @param right the right operand
     * @return the comparison
     */
    public static BinaryExpression<Boolean> compare(ColumnElement<?> left, String operator, ColumnElement<?> right) {
        return new BinaryExpression<>(left, operator, right, SqlTypes.BOOLEAN);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.operand(left);
        compiler.append(" ").append(operator).append(" ");
        compiler.operand(right);
    }

    @Override
    public String toString() {
        return left + " " + operator + " " + right;
    }
}
