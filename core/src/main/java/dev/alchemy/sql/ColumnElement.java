package dev.alchemy.sql;

import dev.alchemy.types.BooleanType;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SQL expression with a value of Java type {@code T}: a column, a bound value, a function call, a comparison. Its
 * methods build larger expressions, like SQLAlchemy's operators:
 *
 * <pre>{@code
 * users.c("name").eq("Alice")            // users.name = ?
 * users.c("age").gt(30).and(...)         // users.age > ? AND ...
 * users.c("email").isNull()              // users.email IS NULL
 * }</pre>
 *
 * <p>Every Java value becomes a bound parameter, never SQL text.
 *
 * @param <T> the Java type of the expression's value
 */
public interface ColumnElement<T> extends ClauseElement {

    /** @return the expression's SQL type, or null when unknown (values are then bound by their Java type) */
    @Nullable
    SqlType<T> type();

    /**
     * The name a result row gives this expression when it is selected: a column's name, a label, or null for an
     * anonymous expression (which the compiler labels).
     *
     * @return the key, or null
     */
    default @Nullable String key() {
        return null;
    }

    /**
     * Wraps a Java value as a bound parameter typed like this expression.
     *
     * @param value the value
     * @return the parameter
     */
    default ColumnElement<T> literal(@Nullable T value) {
        String key = key();
        return BindParam.anonymous(key == null ? "param" : key, value, type());
    }

    /**
     * {@code this = value}; {@code this IS NULL} when the value is null, as SQLAlchemy does for {@code == None}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> eq(@Nullable T value) {
        return value == null ? isNull() : BinaryExpression.compare(this, "=", literal(value));
    }

    /**
     * {@code this = other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default ColumnElement<Boolean> eq(ColumnElement<? extends T> other) {
        return BinaryExpression.compare(this, "=", other);
    }

    /**
     * {@code this != value}; {@code this IS NOT NULL} when the value is null.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> ne(@Nullable T value) {
        return value == null ? isNotNull() : BinaryExpression.compare(this, "!=", literal(value));
    }

    /**
     * {@code this != other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default ColumnElement<Boolean> ne(ColumnElement<? extends T> other) {
        return BinaryExpression.compare(this, "!=", other);
    }

    /**
     * {@code this < value}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> lt(T value) {
        return BinaryExpression.compare(this, "<", literal(value));
    }

    /**
     * {@code this <= value}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> le(T value) {
        return BinaryExpression.compare(this, "<=", literal(value));
    }

    /**
     * {@code this > value}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> gt(T value) {
        return BinaryExpression.compare(this, ">", literal(value));
    }

    /**
     * {@code this >= value}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> ge(T value) {
        return BinaryExpression.compare(this, ">=", literal(value));
    }

    /** @return {@code this IS NULL} */
    default ColumnElement<Boolean> isNull() {
        return new UnaryExpression<>(this, null, " IS NULL", SqlTypes.BOOLEAN);
    }

    /** @return {@code this IS NOT NULL} */
    default ColumnElement<Boolean> isNotNull() {
        return new UnaryExpression<>(this, null, " IS NOT NULL", SqlTypes.BOOLEAN);
    }

    /**
     * {@code this LIKE pattern}.
     *
     * @param pattern the pattern, bound as a parameter
     * @return the comparison
     */
    default ColumnElement<Boolean> like(String pattern) {
        return BinaryExpression.compare(
                this, "LIKE", BindParam.anonymous(key() == null ? "param" : key(), pattern, SqlTypes.VARCHAR));
    }

    /**
     * {@code this IN (?, ?, ...)}, one bound parameter per value.
     *
     * @param values the values
     * @return the comparison
     */
    default ColumnElement<Boolean> in(Collection<? extends T> values) {
        Objects.requireNonNull(values, "values");
        List<ColumnElement<?>> params = new ArrayList<>(values.size());
        for (T v : values) {
            params.add(literal(v));
        }
        return new InList(this, params, false);
    }

    /**
     * Both this and another condition: {@code this AND other}.
     *
     * @param other a condition
     * @return the conjunction
     */
    default ColumnElement<Boolean> and(ColumnElement<Boolean> other) {
        return BooleanClauseList.and(List.of(asBoolean(this), other));
    }

    /**
     * Either this or another condition: {@code this OR other}.
     *
     * @param other a condition
     * @return the disjunction
     */
    default ColumnElement<Boolean> or(ColumnElement<Boolean> other) {
        return BooleanClauseList.or(List.of(asBoolean(this), other));
    }

    /** @return this expression in ascending order, for ORDER BY */
    default OrderByElement asc() {
        return new OrderByElement(this, false);
    }

    /** @return this expression in descending order, for ORDER BY */
    default OrderByElement desc() {
        return new OrderByElement(this, true);
    }

    /**
     * Names this expression in a SELECT: {@code expr AS name}.
     *
     * @param name the label
     * @return the labelled expression
     */
    default ColumnElement<T> label(String name) {
        return new Label<>(this, name);
    }

    @SuppressWarnings("unchecked")
    private static ColumnElement<Boolean> asBoolean(ColumnElement<?> element) {
        if (element.type() != null && !(element.type() instanceof BooleanType)) {
            throw new dev.alchemy.exc.ArgumentError(
                    "'" + element + "' is not a condition; AND/OR need boolean expressions");
        }
        return (ColumnElement<Boolean>) element;
    }
}
