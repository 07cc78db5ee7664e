package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code CASE WHEN ... THEN ... [ELSE ...] END}, like SQLAlchemy's {@code case()}. Immutable: each method returns a
 * changed copy. Results that are Java values are bound.
 *
 * <pre>{@code
 * case_(when(users.c("age").lt(18), "minor"), when(users.c("age").lt(65), "adult")).else_("senior")
 * // CASE WHEN (users.age < ?) THEN ? WHEN (users.age < ?) THEN ? ELSE ? END
 * case_(users.c("id")).when(1, "one").when(2, "two").else_("many")
 * // CASE users.id WHEN ? THEN ? WHEN ? THEN ? ELSE ? END
 * }</pre>
 *
 * @param <T> the Java type of the results
 */
public final class Case<T> implements ColumnElement<T> {

    /**
     * One {@code WHEN condition THEN result}.
     *
     * @param condition the condition (or, in a CASE with a value, the value compared with it)
     * @param result the result
     * @param <T> the result's Java type
     */
    public record When<T>(ColumnElement<?> condition, ColumnElement<?> result) {

        /** Checks the parts. */
        public When {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(result, "result");
        }

        /**
         * @param condition the condition
         * @param result the result: an expression, or a value to bind
         * @param <T> the result's Java type
         * @return the WHEN
         */
        public static <T> When<T> of(ColumnElement<Boolean> condition, @Nullable Object result) {
            return new When<>(condition, Literals.coerce(result, "param", null));
        }
    }

    private final @Nullable ColumnElement<?> value;
    private final List<When<T>> whens;
    private final @Nullable ColumnElement<?> otherwise;
    private final @Nullable SqlType<T> type;

    private Case(
            @Nullable ColumnElement<?> value,
            List<When<T>> whens,
            @Nullable ColumnElement<?> otherwise,
            @Nullable SqlType<T> type) {
        this.value = value;
        this.whens = List.copyOf(whens);
        this.otherwise = otherwise;
        this.type = type;
    }

    /**
     * A searched CASE: {@code CASE WHEN cond THEN result ... END}.
     *
     * @param whens the conditions and results
     * @param <T> the results' Java type
     * @return the CASE
     */
    public static <T> Case<T> of(List<When<T>> whens) {
        if (whens.isEmpty()) {
            throw new ArgumentError("a CASE needs at least one when(condition, result)");
        }
        return new Case<>(null, whens, null, typeOf(whens, null));
    }

    /**
     * A CASE on a value: {@code CASE value WHEN v1 THEN r1 ... END}; add the pairs with {@link #when(Object, Object)}.
     *
     * @param value the compared expression
     * @param <T> the results' Java type
     * @return the CASE, without WHENs yet
     */
    public static <T> Case<T> on(ColumnElement<?> value) {
        return new Case<>(Objects.requireNonNull(value, "value"), List.of(), null, null);
    }

    /**
     * Adds {@code WHEN condition THEN result}.
     *
     * @param condition the condition
     * @param result an expression, or a value to bind
     * @return the changed copy
     */
    public Case<T> when(ColumnElement<Boolean> condition, @Nullable Object result) {
        List<When<T>> list = new ArrayList<>(whens);
        list.add(When.of(condition, result));
        return new Case<>(value, list, otherwise, typeOf(list, type));
    }

    /**
     * Adds {@code WHEN compared THEN result} to a CASE on a value.
     *
     * @param compared the value compared with the CASE's value (bound)
     * @param result an expression, or a value to bind
     * @return the changed copy
     * @throws ArgumentError on a searched CASE, which needs conditions
     */
    public Case<T> when(@Nullable Object compared, @Nullable Object result) {
        if (compared instanceof ColumnElement<?> e) {
            List<When<T>> list = new ArrayList<>(whens);
            list.add(new When<>(e, Literals.coerce(result, "param", null)));
            return new Case<>(value, list, otherwise, typeOf(list, type));
        }
        if (value == null) {
            throw new ArgumentError("a CASE without a value needs conditions: when(column.eq(...), result), not when("
                    + compared + ", ...)");
        }
        List<When<T>> list = new ArrayList<>(whens);
        list.add(new When<>(Literals.coerce(compared, "param", null), Literals.coerce(result, "param", null)));
        return new Case<>(value, list, otherwise, typeOf(list, type));
    }

    /**
     * Sets {@code ELSE result}.
     *
     * @param result an expression, or a value to bind
     * @return the changed copy
     */
    public Case<T> else_(@Nullable Object result) {
        return new Case<>(value, whens, Literals.coerce(result, "param", null), type);
    }

    @SuppressWarnings("unchecked")
    private static <T> @Nullable SqlType<T> typeOf(List<When<T>> whens, @Nullable SqlType<T> known) {
        if (known != null) {
            return known;
        }
        for (When<T> w : whens) {
            if (w.result().type() != null) {
                return (SqlType<T>) w.result().type();
            }
        }
        return null;
    }

    @Override
    public @Nullable SqlType<T> type() {
        return type;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        if (value != null) {
            value.collectFroms(froms);
        }
        for (When<T> w : whens) {
            w.condition().collectFroms(froms);
            w.result().collectFroms(froms);
        }
        if (otherwise != null) {
            otherwise.collectFroms(froms);
        }
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (whens.isEmpty()) {
            throw new ArgumentError("a CASE needs at least one when(...)");
        }
        compiler.append("CASE ");
        if (value != null) {
            compiler.visit(value);
            compiler.append(" ");
        }
        for (When<T> w : whens) {
            compiler.append("WHEN ");
            if (value == null && Precedence.of(w.condition()) < Precedence.ATOM) {
                compiler.append("(");
                compiler.condition(w.condition());
                compiler.append(")");
            } else if (value == null) {
                compiler.condition(w.condition());
            } else {
                compiler.visit(w.condition());
            }
            compiler.append(" THEN ");
            compiler.visit(w.result());
            compiler.append(" ");
        }
        if (otherwise != null) {
            compiler.append("ELSE ");
            compiler.visit(otherwise);
            compiler.append(" ");
        }
        compiler.append("END");
    }

    /** Adds this CASE's shape to a cache key: see {@link CacheKey}. */
    void addCacheKey(CacheKey.Walker key) {
        key.add(Case.class);
        key.element(value);
        key.add(whens.size());
        for (When<T> w : whens) {
            key.element(w.condition());
            key.element(w.result());
        }
        key.element(otherwise);
        key.add(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Case<?> c
                && Objects.equals(value, c.value)
                && whens.equals(c.whens)
                && Objects.equals(otherwise, c.otherwise)
                && Objects.equals(type, c.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, whens, otherwise, type);
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
