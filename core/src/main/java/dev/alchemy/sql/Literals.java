package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The SQL type of plain Java values, found once per class (SQLAlchemy's type of a literal from its Python type). */
final class Literals {

    private static final ClassValue<Optional<SqlType<?>>> TYPES = new ClassValue<>() {
        @Override
        protected Optional<SqlType<?>> computeValue(Class<?> type) {
            try {
                return Optional.of(SqlTypes.forJavaType(type));
            } catch (ArgumentError e) {
                return Optional.empty();
            }
        }
    };

    private Literals() {}

    /**
     * @param value a Java value
     * @return the standard SQL type for its class, or null (bind by the value's Java type)
     */
    @SuppressWarnings("unchecked")
    static <T> @Nullable SqlType<T> typeOf(@Nullable T value) {
        return value == null ? null : (SqlType<T>) TYPES.get(value.getClass()).orElse(null);
    }

    /**
     * @param type a Java class
     * @return the standard SQL type for it, or null
     */
    @SuppressWarnings("unchecked")
    static <T> @Nullable SqlType<T> typeOf(Class<T> type) {
        return (SqlType<T>) TYPES.get(type).orElse(null);
    }

    /**
     * A value as an expression: an expression as it is, anything else as an anonymous bound parameter.
     *
     * @param value an expression or a value
     * @param name the parameter's base name
     * @param type the parameter's type, or null to infer it from the value
     * @return the expression
     */
    @SuppressWarnings("unchecked")
    static ColumnElement<?> coerce(@Nullable Object value, String name, @Nullable SqlType<?> type) {
        if (value instanceof ColumnElement<?> e) {
            return e;
        }
        SqlType<Object> t = (SqlType<Object>) (type != null ? type : typeOf(value));
        return BindParam.anonymous(name, value, t);
    }
}
