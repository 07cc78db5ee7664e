package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value bound as a parameter: rendered {@code ?}, never spliced into the SQL.
 *
 * @param name the parameter's name; an anonymous parameter's compiled key adds a counter ({@code name_1})
 * @param value the value (ignored when {@code required})
 * @param type its SQL type, or null to bind by the value's Java type
 * @param anonymous true for values that came from an operator ({@code col.eq(5)}), false for named ones
 * @param required true when the value must come from the parameters given at execution
 * @param <T> the Java type of the value
 */
public record BindParam<T>(
        String name, @Nullable T value, @Nullable SqlType<T> type, boolean anonymous, boolean required)
        implements ColumnElement<T> {

    /** Checks the name. */
    public BindParam {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A value from an operator, compiled under a numbered key such as {@code name_1}.
     *
     * @param name the base name, usually the column's
     * @param value the value
     * @param type its type, or null
     * @param <T> the value's type
     * @return the parameter
     */
    public static <T> BindParam<T> anonymous(String name, @Nullable T value, @Nullable SqlType<T> type) {
        return new BindParam<>(name, value, type, true, false);
    }

    /**
     * A value under an exact key.
     *
     * @param name the key
     * @param value the value
     * @param type its type, or null
     * @param <T> the value's type
     * @return the parameter
     */
    public static <T> BindParam<T> named(String name, @Nullable T value, @Nullable SqlType<T> type) {
        return new BindParam<>(name, value, type, false, false);
    }

    /**
     * A parameter whose value is given at execution, like SQLAlchemy's {@code bindparam('name')}.
     *
     * @param name the key the execution's parameter map uses
     * @param type its type, or null
     * @param <T> the value's type
     * @return the parameter
     */
    public static <T> BindParam<T> required(String name, @Nullable SqlType<T> type) {
        return new BindParam<>(name, null, type, false, true);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.bindParam(this);
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
