package dev.alchemy.types;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A user type stored as another type through two conversions, like SQLAlchemy's {@code TypeDecorator}: the DDL
 * and the storage are those of {@link #storedType()}. Made by {@link SqlTypes#converted}.
 *
 * @param storedType the type values are stored as
 * @param javaType the Java class callers use
 * @param toDatabase converts a non-null value for storage
 * @param fromDatabase converts a non-null stored value back
 * @param <T> the Java type callers use
 * @param <S> the Java type of the stored type
 */
public record ConvertedType<T, S>(
        SqlType<S> storedType,
        Class<T> javaType,
        Function<? super T, ? extends @Nullable S> toDatabase,
        Function<? super S, ? extends @Nullable T> fromDatabase)
        implements SqlType<T> {

    /** Checks the arguments. */
    public ConvertedType {
        Objects.requireNonNull(storedType, "storedType");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(toDatabase, "toDatabase");
        Objects.requireNonNull(fromDatabase, "fromDatabase");
        if (javaType.isPrimitive()) {
            throw new dev.alchemy.exc.ArgumentError(
                    "a converted type needs a class, not the primitive " + javaType + "; use its wrapper class");
        }
    }

    /**
     * Converts a value for storage; null stays null.
     *
     * @param value a value of {@link #javaType()}, possibly null
     * @return the value to store
     */
    public @Nullable Object toStored(@Nullable Object value) {
        return value == null ? null : toDatabase.apply(javaType.cast(value));
    }

    /**
     * Converts a stored value back; null stays null.
     *
     * @param value a value of the stored type's Java class, possibly null
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public @Nullable T fromStored(@Nullable Object value) {
        return value == null ? null : fromDatabase.apply((S) value);
    }

    /** The stored type's name: a converted type renders as what it stores. */
    @Override
    public String sqlName() {
        return storedType.sqlName();
    }

    @Override
    public String toString() {
        return javaType.getSimpleName() + " as " + storedType;
    }
}
