package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.BooleanType;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import dev.alchemy.types.StringType;
import dev.alchemy.types.TextType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A SQL expression with a value of Java type {@code T}: a column, a bound value, a function call, a comparison. Its
 * methods build larger expressions, like SQLAlchemy's operators:
 *
 * <pre>{@code
 * users.c("name").eq("Alice")              // users.name = ?
 * users.c("age").gt(30).and(...)           // users.age > ? AND ...
 * users.c("email").isNull()                // users.email IS NULL
 * users.c("name").startsWith("Al")         // (users.name LIKE ? || '%')
 * users.c("age").plus(1)                   // users.age + ?
 * users.c("id").in(List.of(1, 2, 3))       // users.id IN (?, ?, ?)
 * }</pre>
 *
 * <p>Every Java value becomes a bound parameter, never SQL text. Expressions are immutable.
 *
 * <p>Arithmetic ({@link #plus}, {@link #minus}, {@link #times}, {@link #div}, {@link #mod}) is typed as SQLAlchemy
 * types it: of two numeric operands the wider type wins, so {@code n.minus(0.5)} on an INTEGER column is a FLOAT and
 * returns 4.5, not 4, and {@code n.plus(price)} with a NUMERIC(10, 2) is a NUMERIC(10, 2). The result's Java type
 * parameter is the left operand's (a name only: what a row returns follows the SQL type).
 *
 * @param <T> the Java type of the expression's value
 */
public interface ColumnElement<T> extends ClauseElement {

    /** @return the expression's SQL type, or null when unknown (values are then bound by their Java type) */
    @Nullable
    SqlType<T> type();

    /**
     * The name a result row gives this expression when it is selected: a column's name, a label, or null for an
     * anonymous expression (which the compiler labels {@code anon_1}, ...). Bound values compared with this
     * expression are named after it ({@code name_1}).
     *
     * @return the key, or null
     */
    default @Nullable String key() {
        return null;
    }

    /**
     * Adds the FROM clauses this expression refers to (the tables of its columns), from which a SELECT derives its
     * FROM list. Subqueries inside it keep their own FROM lists.
     *
     * @param froms receives each FROM clause
     */
    default void collectFroms(Consumer<? super FromClause> froms) {}

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

    // ---- comparisons ----

    /**
     * {@code this = value}; {@code this IS NULL} when the value is null, as SQLAlchemy does for {@code == None}. A
     * Boolean is written as the constant ({@code = 1} on SQLite, {@code = true} on PostgreSQL), as SQLAlchemy does.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> eq(@Nullable T value) {
        if (value == null) {
            return isNull();
        }
        return BinaryExpression.compare(this, "=", constantOrLiteral(this, value));
    }

    /**
     * {@code this = other}.
     *
     * @param other another expression; null means {@code IS NULL}
     * @return the comparison
     */
    default ColumnElement<Boolean> eq(@Nullable ColumnElement<? extends T> other) {
        return other == null ? isNull() : BinaryExpression.compare(this, "=", other);
    }

    /**
     * {@code this != value}; {@code this IS NOT NULL} when the value is null.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> ne(@Nullable T value) {
        if (value == null) {
            return isNotNull();
        }
        return BinaryExpression.compare(this, "!=", constantOrLiteral(this, value));
    }

    /**
     * {@code this != other}.
     *
     * @param other another expression; null means {@code IS NOT NULL}
     * @return the comparison
     */
    default ColumnElement<Boolean> ne(@Nullable ColumnElement<? extends T> other) {
        return other == null ? isNotNull() : BinaryExpression.compare(this, "!=", other);
    }

    /**
     * {@code this < value}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> lt(T value) {
        return BinaryExpression.compare(this, "<", literal(Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this < other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default ColumnElement<Boolean> lt(ColumnElement<? extends T> other) {
        return BinaryExpression.compare(this, "<", Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this <= value}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> le(T value) {
        return BinaryExpression.compare(this, "<=", literal(Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this <= other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default ColumnElement<Boolean> le(ColumnElement<? extends T> other) {
        return BinaryExpression.compare(this, "<=", Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this > value}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> gt(T value) {
        return BinaryExpression.compare(this, ">", literal(Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this > other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default ColumnElement<Boolean> gt(ColumnElement<? extends T> other) {
        return BinaryExpression.compare(this, ">", Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this >= value}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> ge(T value) {
        return BinaryExpression.compare(this, ">=", literal(Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this >= other}.
     *
     * @param other another expression
     * @return the comparison
     */
    default ColumnElement<Boolean> ge(ColumnElement<? extends T> other) {
        return BinaryExpression.compare(this, ">=", Objects.requireNonNull(other, "other"));
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
     * {@code this IS value}, like SQLAlchemy's {@code is_()}: {@code IS NULL} for null, the constant for a Boolean
     * ({@code IS 1} on SQLite, {@code IS true} on PostgreSQL), otherwise a bound value.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> is(@Nullable T value) {
        return value == null ? isNull() : BinaryExpression.compare(this, "IS", constantOrLiteral(this, value));
    }

    /**
     * {@code this IS NOT value}, like SQLAlchemy's {@code is_not()}.
     *
     * @param value the value
     * @return the comparison
     */
    default ColumnElement<Boolean> isNot(@Nullable T value) {
        return value == null ? isNotNull() : BinaryExpression.compare(this, "IS NOT", constantOrLiteral(this, value));
    }

    /**
     * {@code this BETWEEN low AND high}.
     *
     * @param low the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return the comparison
     */
    default ColumnElement<Boolean> between(T low, T high) {
        return new Between(this, literal(low), literal(high), false);
    }

    /**
     * {@code this NOT BETWEEN low AND high}.
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return the comparison
     */
    default ColumnElement<Boolean> notBetween(T low, T high) {
        return new Between(this, literal(low), literal(high), true);
    }

    // ---- LIKE family ----

    /**
     * {@code this LIKE pattern}.
     *
     * @param pattern the pattern, bound as a parameter
     * @return the comparison
     */
    default ColumnElement<Boolean> like(String pattern) {
        return Like.of(this, pattern, false, false, null);
    }

    /**
     * {@code this LIKE pattern ESCAPE 'c'}.
     *
     * @param pattern the pattern
     * @param escape the escape character
     * @return the comparison
     */
    default ColumnElement<Boolean> like(String pattern, char escape) {
        return Like.of(this, pattern, false, false, escape);
    }

    /**
     * Case-insensitive LIKE: {@code this ILIKE ?} on PostgreSQL, {@code lower(this) LIKE lower(?)} elsewhere.
     *
     * @param pattern the pattern
     * @return the comparison
     */
    default ColumnElement<Boolean> ilike(String pattern) {
        return Like.of(this, pattern, true, false, null);
    }

    /**
     * Case-insensitive LIKE with an escape character.
     *
     * @param pattern the pattern
     * @param escape the escape character
     * @return the comparison
     */
    default ColumnElement<Boolean> ilike(String pattern, char escape) {
        return Like.of(this, pattern, true, false, escape);
    }

    /**
     * {@code this NOT LIKE pattern}.
     *
     * @param pattern the pattern
     * @return the comparison
     */
    default ColumnElement<Boolean> notLike(String pattern) {
        return Like.of(this, pattern, false, true, null);
    }

    /**
     * {@code this NOT LIKE pattern ESCAPE 'c'}.
     *
     * @param pattern the pattern
     * @param escape the escape character
     * @return the comparison
     */
    default ColumnElement<Boolean> notLike(String pattern, char escape) {
        return Like.of(this, pattern, false, true, escape);
    }

    /**
     * Case-insensitive NOT LIKE.
     *
     * @param pattern the pattern
     * @return the comparison
     */
    default ColumnElement<Boolean> notIlike(String pattern) {
        return Like.of(this, pattern, true, true, null);
    }

    /**
     * Case-insensitive NOT LIKE with an escape character.
     *
     * @param pattern the pattern
     * @param escape the escape character
     * @return the comparison
     */
    default ColumnElement<Boolean> notIlike(String pattern, char escape) {
        return Like.of(this, pattern, true, true, escape);
    }

    /**
     * Starts with a string: {@code (this LIKE ? || '%')}. {@code %} and {@code _} in the value are wildcards; use
     * {@link #startsWith(String, boolean)} to match them literally.
     *
     * @param prefix the prefix, bound as a parameter
     * @return the comparison
     */
    default ColumnElement<Boolean> startsWith(String prefix) {
        return Like.affix(this, prefix, true, false, false);
    }

    /**
     * Starts with a string, optionally matching {@code %}, {@code _} and {@code /} in it literally ({@code ESCAPE
     * '/'}), like SQLAlchemy's {@code autoescape=True}.
     *
     * @param prefix the prefix
     * @param autoescape true to match the value's wildcard characters literally
     * @return the comparison
     */
    default ColumnElement<Boolean> startsWith(String prefix, boolean autoescape) {
        return Like.affix(this, prefix, true, false, autoescape);
    }

    /**
     * Ends with a string: {@code (this LIKE '%' || ?)}.
     *
     * @param suffix the suffix, bound as a parameter
     * @return the comparison
     */
    default ColumnElement<Boolean> endsWith(String suffix) {
        return Like.affix(this, suffix, false, true, false);
    }

    /**
     * Ends with a string, optionally matching wildcard characters in it literally.
     *
     * @param suffix the suffix
     * @param autoescape true to match the value's wildcard characters literally
     * @return the comparison
     */
    default ColumnElement<Boolean> endsWith(String suffix, boolean autoescape) {
        return Like.affix(this, suffix, false, true, autoescape);
    }

    /**
     * Contains a string: {@code (this LIKE '%' || ? || '%')}.
     *
     * @param part the string, bound as a parameter
     * @return the comparison
     */
    default ColumnElement<Boolean> contains(String part) {
        return Like.affix(this, part, true, true, false);
    }

    /**
     * Contains a string, optionally matching wildcard characters in it literally.
     *
     * @param part the string
     * @param autoescape true to match the value's wildcard characters literally
     * @return the comparison
     */
    default ColumnElement<Boolean> contains(String part, boolean autoescape) {
        return Like.affix(this, part, true, true, autoescape);
    }

    // ---- IN ----

    /**
     * {@code this IN (?, ?, ...)}, one bound parameter per value. An empty collection gives a condition that is never
     * true, as in SQLAlchemy.
     *
     * @param values the values
     * @return the comparison
     */
    default ColumnElement<Boolean> in(Collection<? extends T> values) {
        return new InList(this, bindAll(this, values), false);
    }

    /**
     * {@code this IN (SELECT ...)}.
     *
     * @param subquery a SELECT of one column
     * @return the comparison
     */
    default ColumnElement<Boolean> in(SelectStatement subquery) {
        return new InSelect(this, Objects.requireNonNull(subquery, "subquery"), false);
    }

    /**
     * {@code (this NOT IN (?, ?, ...))}. An empty collection gives a condition that is always true.
     *
     * @param values the values
     * @return the comparison
     */
    default ColumnElement<Boolean> notIn(Collection<? extends T> values) {
        return new InList(this, bindAll(this, values), true);
    }

    /**
     * {@code (this NOT IN (SELECT ...))}.
     *
     * @param subquery a SELECT of one column
     * @return the comparison
     */
    default ColumnElement<Boolean> notIn(SelectStatement subquery) {
        return new InSelect(this, Objects.requireNonNull(subquery, "subquery"), true);
    }

    // ---- arithmetic and concatenation ----
    //
    // The result's SQL type, which decides the Java class of the values a row returns, follows SQLAlchemy's
    // coercion: of two numeric operands the wider type wins (INTEGER - 0.5 is a FLOAT, INTEGER + NUMERIC(10, 2) a
    // NUMERIC(10, 2)); see docs/sql.md. The Java type parameter of the result is the left operand's, a name only:
    // a Column<Integer> minus literal(0.5) returns Doubles.

    /**
     * {@code this + value}; for strings {@code this || value}, as SQLAlchemy's {@code +} does.
     *
     * @param value the value
     * @return the sum
     */
    default ColumnElement<T> plus(T value) {
        return arithmetic(
                this, isString(type()) ? "||" : "+", operandValue(this, Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this + other}; for strings {@code this || other}.
     *
     * @param other another expression
     * @return the sum
     */
    default ColumnElement<T> plus(ColumnElement<?> other) {
        return arithmetic(this, isString(type()) ? "||" : "+", Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this - value}.
     *
     * @param value the value
     * @return the difference
     */
    default ColumnElement<T> minus(T value) {
        return arithmetic(this, "-", operandValue(this, Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this - other}.
     *
     * @param other another expression
     * @return the difference
     */
    default ColumnElement<T> minus(ColumnElement<?> other) {
        return arithmetic(this, "-", Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this * value}.
     *
     * @param value the value
     * @return the product
     */
    default ColumnElement<T> times(T value) {
        return arithmetic(this, "*", operandValue(this, Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this * other}.
     *
     * @param other another expression
     * @return the product
     */
    default ColumnElement<T> times(ColumnElement<?> other) {
        return arithmetic(this, "*", Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this / value}. Integers divide as integers, truncating toward zero, as in Java and in SQLAlchemy 1.4
     * (SQLAlchemy 2.0 made {@code /} a true division), on every database (MySQL's {@code DIV}); divide by a fractional value ({@code n.div(2.0)}) or cast to a
     * fractional type for a fractional result.
     *
     * @param value the value
     * @return the quotient
     */
    default ColumnElement<T> div(T value) {
        return arithmetic(this, "/", operandValue(this, Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this / other}.
     *
     * @param other another expression
     * @return the quotient
     */
    default ColumnElement<T> div(ColumnElement<?> other) {
        return arithmetic(this, "/", Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this % value}.
     *
     * @param value the value
     * @return the remainder
     */
    default ColumnElement<T> mod(T value) {
        return arithmetic(this, "%", operandValue(this, Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code this % other}.
     *
     * @param other another expression
     * @return the remainder
     */
    default ColumnElement<T> mod(ColumnElement<?> other) {
        return arithmetic(this, "%", Objects.requireNonNull(other, "other"));
    }

    /**
     * String concatenation, {@code this || value}.
     *
     * @param value a string, bound as a parameter
     * @return the concatenation
     */
    default ColumnElement<String> concat(String value) {
        String key = key();
        return new BinaryExpression<>(
                this,
                "||",
                BindParam.anonymous(
                        key == null ? "param" : key, Objects.requireNonNull(value, "value"), SqlTypes.VARCHAR),
                SqlTypes.VARCHAR);
    }

    /**
     * String concatenation, {@code this || other}.
     *
     * @param other another expression
     * @return the concatenation
     */
    default ColumnElement<String> concat(ColumnElement<?> other) {
        return new BinaryExpression<>(this, "||", Objects.requireNonNull(other, "other"), SqlTypes.VARCHAR);
    }

    /**
     * A custom binary operator, written as given: {@code op("->>", "name")} gives {@code this ->> ?}. The operator is
     * SQL text from the programmer, never from users; the value is bound.
     *
     * @param operator the operator's SQL text
     * @param value the right operand: an expression, or a value to bind
     * @param type the result's type, or null
     * @param <R> the result's Java type
     * @return the expression
     */
    @SuppressWarnings("unchecked")
    default <R> ColumnElement<R> op(String operator, @Nullable Object value, @Nullable SqlType<R> type) {
        Objects.requireNonNull(operator, "operator");
        ColumnElement<?> right = value instanceof ColumnElement<?> e ? e : literal((T) value);
        return new BinaryExpression<>(this, operator, right, type);
    }

    // ---- boolean logic ----

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

    /**
     * The negation of this condition, as SQLAlchemy's {@code ~}: a comparison's operator is inverted ({@code =}
     * becomes {@code !=}, LIKE becomes NOT LIKE), anything else is wrapped in {@code NOT (...)}.
     *
     * @return the negated condition
     */
    default ColumnElement<Boolean> not() {
        return Not.of(asBoolean(this));
    }

    // ---- ordering, naming, conversion ----

    /** @return this expression in ascending order, for ORDER BY ({@code ASC}) */
    default OrderByElement asc() {
        return new OrderByElement(this, Boolean.TRUE, null);
    }

    /** @return this expression in descending order, for ORDER BY ({@code DESC}) */
    default OrderByElement desc() {
        return new OrderByElement(this, Boolean.FALSE, null);
    }

    /** @return this expression ordered with NULLs first ({@code NULLS FIRST}) */
    default OrderByElement nullsFirst() {
        return new OrderByElement(this, null, Boolean.TRUE);
    }

    /** @return this expression ordered with NULLs last ({@code NULLS LAST}) */
    default OrderByElement nullsLast() {
        return new OrderByElement(this, null, Boolean.FALSE);
    }

    /**
     * Names this expression in a SELECT: {@code expr AS name}; rows key its value by the name.
     *
     * @param name the label
     * @return the labelled expression
     */
    default ColumnElement<T> label(String name) {
        return new Label<>(this, name);
    }

    /**
     * {@code CAST(this AS type)}; values come back in the type's Java class.
     *
     * @param type the target type
     * @param <R> its Java type
     * @return the cast
     */
    default <R> ColumnElement<R> cast(SqlType<R> type) {
        return new Cast<>(this, type);
    }

    /** @return {@code DISTINCT this}, for aggregates: {@code func.count(users.c("name").distinct())} */
    default ColumnElement<T> distinct() {
        return new UnaryExpression<>(this, "DISTINCT ", null, type());
    }

    // ---- helpers (static: an interface cannot have private state) ----

    private static boolean isString(@Nullable SqlType<?> type) {
        return type instanceof StringType || type instanceof TextType;
    }

    @SuppressWarnings("unchecked")
    private static <T> ColumnElement<T> arithmetic(ColumnElement<T> left, String operator, ColumnElement<?> right) {
        SqlType<?> type = operator.equals("||") ? left.type() : ArithmeticTypes.of(left.type(), right.type());
        return new BinaryExpression<>(left, operator, right, (SqlType<T>) type);
    }

    /** A value as an arithmetic operand, typed as SQLAlchemy types it: {@code 0.5} with an INTEGER is a FLOAT. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnElement<?> operandValue(ColumnElement<?> left, Object value) {
        if (value instanceof ColumnElement<?> e) {
            return e;
        }
        String key = left.key();
        SqlType type = ArithmeticTypes.ofValue(left.type(), value);
        return BindParam.anonymous(key == null ? "param" : key, value, type);
    }

    private static <T> ColumnElement<?> constantOrLiteral(ColumnElement<T> self, T value) {
        if (value instanceof Boolean b && (self.type() == null || self.type() instanceof BooleanType)) {
            return BooleanConstant.of(b);
        }
        return self.literal(value);
    }

    private static <T> List<ColumnElement<?>> bindAll(ColumnElement<T> self, Collection<? extends T> values) {
        Objects.requireNonNull(values, "values");
        List<ColumnElement<?>> params = new ArrayList<>(values.size());
        for (T v : values) {
            params.add(v instanceof ColumnElement<?> e ? e : self.literal(v));
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private static ColumnElement<Boolean> asBoolean(ColumnElement<?> element) {
        if (element.type() != null && !(element.type() instanceof BooleanType)) {
            throw new ArgumentError("'" + element + "' is not a condition; AND/OR/NOT need boolean expressions");
        }
        return (ColumnElement<Boolean>) element;
    }
}
