package dev.alchemy.types;

import dev.alchemy.exc.ArgumentError;
import org.jspecify.annotations.Nullable;

/**
 * FLOAT ↔ {@link Double} (or {@link Float}), like SQLAlchemy's {@code Float}. {@link SqlTypes#FLOAT} holds
 * {@code Double} values, as SQLAlchemy's {@code Float} holds Python floats; {@link SqlTypes#forJavaType} gives a
 * {@code Float}-valued one for {@code float} fields.
 *
 * @param javaType {@code Double.class} or {@code Float.class}
 * @param precision the binary precision PostgreSQL renders as {@code FLOAT(p)}, or null for none
 * @param <T> {@code Double} or {@code Float}
 */
public record FloatType<T extends Number>(
        Class<T> javaType, @Nullable Integer precision) implements SqlType<T> {

    /** Checks the Java type and the precision. */
    public FloatType {
        if (javaType != Double.class && javaType != Float.class) {
            throw new ArgumentError("FLOAT holds Double or Float values, not " + javaType.getName());
        }
        if (precision != null && precision < 1) {
            throw new ArgumentError("a FLOAT precision must be at least 1, was " + precision);
        }
    }

    /** SQLAlchemy's {@code str(Float(precision=53))} is plain {@code FLOAT}: the precision shows only in PostgreSQL DDL. */
    @Override
    public String sqlName() {
        return "FLOAT";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
