package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import dev.alchemy.types.StringType;
import dev.alchemy.types.TextType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SQL functions, SQLAlchemy's {@code func}: reach it as {@code Alchemy.func}.
 *
 * <pre>{@code
 * import static dev.alchemy.Alchemy.func;
 *
 * select(func.count()).selectFrom(users);                     // SELECT count(*) AS count_1 FROM users
 * select(users.c("name"), func.count(addresses.c("id")))      // count(addresses.id) AS count_1
 * func.coalesce(users.c("nickname"), "anonymous")             // coalesce(users.nickname, ?)
 * func.of("strftime", "%Y", users.c("created"))               // any function by name
 * }</pre>
 *
 * <p>Aggregates and {@code rowNumber()}, {@code rank()}, {@code denseRank()} are window functions with {@link
 * FunctionCall#over()}. Arguments that are not expressions are bound as parameters. Results are typed: {@code count} is a {@code Long},
 * {@code sum}, {@code min}, {@code max} and {@code coalesce} have their argument's type, {@code avg} is a {@code
 * Double}, {@code lower}/{@code upper} strings, {@code length} an {@code Integer}.
 */
public final class Functions {

    /** The one instance, {@code Alchemy.func}. */
    public static final Functions INSTANCE = new Functions();

    private Functions() {}

    /** @return {@code count(*)}, the number of rows */
    public FunctionCall<Long> count() {
        return new FunctionCall<>("count", List.of(), SqlTypes.BIGINT);
    }

    /**
     * {@code count(x)}: the number of rows where x is not NULL; {@code count(x.distinct())} counts distinct values.
     *
     * @param expression what to count
     * @return the call
     */
    public FunctionCall<Long> count(ColumnElement<?> expression) {
        return new FunctionCall<>("count", List.of(Objects.requireNonNull(expression, "expression")), SqlTypes.BIGINT);
    }

    /**
     * {@code sum(x)}, of x's type (cast to a wider type when the sum may overflow it).
     *
     * @param expression the summed expression
     * @param <T> its Java type
     * @return the call
     */
    public <T> FunctionCall<T> sum(ColumnElement<T> expression) {
        return new FunctionCall<>("sum", List.of(Objects.requireNonNull(expression, "expression")), expression.type());
    }

    /**
     * {@code avg(x)}, a {@code Double}.
     *
     * @param expression the averaged expression
     * @return the call
     */
    public FunctionCall<Double> avg(ColumnElement<?> expression) {
        return new FunctionCall<>("avg", List.of(Objects.requireNonNull(expression, "expression")), SqlTypes.DOUBLE);
    }

    /**
     * {@code min(x)}, of x's type.
     *
     * @param expression the expression
     * @param <T> its Java type
     * @return the call
     */
    public <T> FunctionCall<T> min(ColumnElement<T> expression) {
        return new FunctionCall<>("min", List.of(Objects.requireNonNull(expression, "expression")), expression.type());
    }

    /**
     * {@code max(x)}, of x's type.
     *
     * @param expression the expression
     * @param <T> its Java type
     * @return the call
     */
    public <T> FunctionCall<T> max(ColumnElement<T> expression) {
        return new FunctionCall<>("max", List.of(Objects.requireNonNull(expression, "expression")), expression.type());
    }

    /**
     * {@code coalesce(x, y, ...)}: the first argument that is not NULL, of the first argument's type.
     *
     * @param first the first expression
     * @param others further expressions or values (bound, typed like the first)
     * @param <T> the Java type
     * @return the call
     */
    public <T> ColumnElement<T> coalesce(ColumnElement<T> first, @Nullable Object... others) {
        Objects.requireNonNull(first, "first");
        List<ColumnElement<?>> args = new ArrayList<>(others.length + 1);
        args.add(first);
        for (Object o : others) {
            args.add(Literals.coerce(o, "coalesce", first.type()));
        }
        return new FunctionCall<>("coalesce", args, first.type());
    }

    /**
     * {@code lower(x)}.
     *
     * @param expression a string expression
     * @return the call
     */
    public ColumnElement<String> lower(ColumnElement<?> expression) {
        return new FunctionCall<>(
                "lower", List.of(Objects.requireNonNull(expression, "expression")), stringType(expression));
    }

    /**
     * {@code upper(x)}.
     *
     * @param expression a string expression
     * @return the call
     */
    public ColumnElement<String> upper(ColumnElement<?> expression) {
        return new FunctionCall<>(
                "upper", List.of(Objects.requireNonNull(expression, "expression")), stringType(expression));
    }

    /**
     * {@code length(x)}, an {@code Integer}.
     *
     * @param expression a string expression
     * @return the call
     */
    public ColumnElement<Integer> length(ColumnElement<?> expression) {
        return new FunctionCall<>(
                "length", List.of(Objects.requireNonNull(expression, "expression")), SqlTypes.INTEGER);
    }

    /**
     * {@code concat(a, b, ...)}, a string; values are bound.
     *
     * @param arguments expressions or values
     * @return the call
     */
    public ColumnElement<String> concat(@Nullable Object... arguments) {
        return new FunctionCall<>("concat", coerceAll("concat", arguments), SqlTypes.VARCHAR);
    }

    /**
     * {@code now()} ({@code CURRENT_TIMESTAMP} on SQLite): the time with its offset, as PostgreSQL's {@code
     * timestamptz} has it (SQLite's is UTC).
     *
     * @return the call
     */
    public ColumnElement<OffsetDateTime> now() {
        return new FunctionCall<>("now", List.of(), SqlTypes.DATETIME_TZ);
    }

    /** @return {@code CURRENT_TIMESTAMP}, with its offset like {@link #now()} */
    public ColumnElement<OffsetDateTime> currentTimestamp() {
        return new FunctionCall<>("current_timestamp", List.of(), SqlTypes.DATETIME_TZ);
    }

    /** @return {@code CURRENT_DATE} */
    public ColumnElement<LocalDate> currentDate() {
        return new FunctionCall<>("current_date", List.of(), SqlTypes.DATE);
    }

    /** @return {@code row_number()}, a window function: {@code func.rowNumber().over().orderBy(...)} */
    public FunctionCall<Long> rowNumber() {
        return new FunctionCall<>("row_number", List.of(), SqlTypes.BIGINT);
    }

    /** @return {@code rank()}, a window function */
    public FunctionCall<Long> rank() {
        return new FunctionCall<>("rank", List.of(), SqlTypes.BIGINT);
    }

    /** @return {@code dense_rank()}, a window function */
    public FunctionCall<Long> denseRank() {
        return new FunctionCall<>("dense_rank", List.of(), SqlTypes.BIGINT);
    }

    /**
     * Any function by name, untyped: {@code func.of("random")}, {@code func.of("strftime", "%Y", col)}.
     *
     * @param name the function's name (an identifier, possibly {@code schema.name})
     * @param arguments expressions or values (bound)
     * @return the call
     */
    public FunctionCall<Object> of(String name, @Nullable Object... arguments) {
        return new FunctionCall<>(name, coerceAll(name, arguments), null);
    }

    /**
     * Any function by name, with the type of its result: {@code func.of("julianday", DOUBLE, col)}.
     *
     * @param name the function's name
     * @param type the result's type
     * @param arguments expressions or values (bound)
     * @param <T> the result's Java type
     * @return the call
     */
    public <T> FunctionCall<T> of(String name, SqlType<T> type, @Nullable Object... arguments) {
        return new FunctionCall<>(name, coerceAll(name, arguments), Objects.requireNonNull(type, "type"));
    }

    private static List<ColumnElement<?>> coerceAll(String name, @Nullable Object[] arguments) {
        Objects.requireNonNull(name, "name");
        List<ColumnElement<?>> args = new ArrayList<>(arguments.length);
        String base = name.substring(name.lastIndexOf('.') + 1);
        for (Object a : arguments) {
            args.add(Literals.coerce(a, base, null));
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private static SqlType<String> stringType(ColumnElement<?> expression) {
        SqlType<?> type = expression.type();
        return type instanceof StringType || type instanceof TextType ? (SqlType<String>) type : SqlTypes.VARCHAR;
    }

    @Override
    public String toString() {
        return "func";
    }
}
