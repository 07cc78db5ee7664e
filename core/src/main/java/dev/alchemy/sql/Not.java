package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code NOT (condition)}. Build it with {@link ColumnElement#not()} or {@code Alchemy.not(...)}, which first invert
 * what can be inverted, as SQLAlchemy does: {@code not(a.eq(1))} is {@code a != ?}, {@code not(a.like(p))} is
 * {@code a NOT LIKE ?}, and a boolean column is {@code NOT active} ({@code active = 0} on SQLite).
 *
 * @param element the negated condition
 */
public record Not(ColumnElement<Boolean> element) implements ColumnElement<Boolean> {

    /** Checks the operand. */
    public Not {
        Objects.requireNonNull(element, "element");
    }

    /**
     * The negation of a condition, inverting its operator where it has an inverse.
     *
     * @param condition the condition
     * @return its negation
     */
    @SuppressWarnings("unchecked")
    public static ColumnElement<Boolean> of(ColumnElement<Boolean> condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition instanceof Not not) {
            return not.element;
        }
        if (condition instanceof BinaryExpression<?> binary) {
            BinaryExpression<Boolean> inverted = binary.inverted();
            if (inverted != null) {
                return inverted;
            }
        }
        if (condition instanceof UnaryExpression<?> unary) {
            UnaryExpression<?> inverted = unary.inverted();
            if (inverted != null) {
                return (ColumnElement<Boolean>) inverted;
            }
        }
        if (condition instanceof Like like) {
            return like.negate();
        }
        if (condition instanceof InList in) {
            return new InList(in.element(), in.values(), !in.negated());
        }
        if (condition instanceof InSelect in) {
            return new InSelect(in.element(), in.subquery(), !in.negated());
        }
        if (condition instanceof Between between) {
            return new Between(between.element(), between.low(), between.high(), !between.negated());
        }
        if (condition instanceof BooleanConstant constant) {
            return BooleanConstant.of(!constant.value());
        }
        return new Not(condition);
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        element.collectFroms(froms);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (element instanceof ColumnClause<?> && !compiler.dialect().supportsNativeBoolean()) {
            compiler.visit(element);
            compiler.append(" = ").append(compiler.dialect().booleanLiteral(false));
        } else if (element instanceof ColumnClause<?> || element instanceof FunctionCall<?>) {
            compiler.append("NOT ");
            compiler.visit(element);
        } else {
            compiler.append("NOT (");
            compiler.condition(element);
            compiler.append(")");
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
