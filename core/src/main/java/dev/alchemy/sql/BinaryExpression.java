package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code left operator right}: a comparison, arithmetic or concatenation. Operands are parenthesised by operator
 * precedence, as SQLAlchemy does: {@code (users.age + ?) * ?}, {@code users.age + ? + ?}.
 *
 * @param left the left operand
 * @param operator the SQL operator, e.g. {@code =}, {@code +}, {@code ||}
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

    /**
     * The inverse comparison, as SQLAlchemy's {@code ~(a == b)} gives {@code a != b}.
     *
     * @return the inverted comparison, or null when the operator has no inverse
     */
    @Nullable
    BinaryExpression<Boolean> inverted() {
        String inverse = switch (operator) {
            case "=" -> "!=";
            case "!=" -> "=";
            case "<" -> ">=";
            case ">=" -> "<";
            case ">" -> "<=";
            case "<=" -> ">";
            case "IS" -> "IS NOT";
            case "IS NOT" -> "IS";
            default -> null;
        };
        return inverse == null ? null : compare(left, inverse, right);
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        left.collectFroms(froms);
        right.collectFroms(froms);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (operator.equals("||") && !compiler.dialect().concatenatesWithPipes()) {
            compiler.append("concat(");
            compiler.visit(left);
            compiler.append(", ");
            compiler.visit(right);
            compiler.append(")");
            return;
        }
        compiler.operand(left, operator);
        String sql = operator.equals("/") && ArithmeticTypes.bothIntegral(left.type(), right.type())
                ? compiler.dialect().integerDivisionOperator()
                : operator;
        compiler.append(" ").append(sql).append(" ");
        compiler.operand(right, operator);
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
