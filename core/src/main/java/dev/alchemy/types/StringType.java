package dev.alchemy.types;

import dev.alchemy.exc.ArgumentError;
import org.jspecify.annotations.Nullable;

/**
 * VARCHAR, optionally with a length, ↔ {@link String}.
 *
 * @param length the maximum length in characters, or null for none
 */
public record StringType(@Nullable Integer length) implements SqlType<String> {

    /** Checks the length. */
    public StringType {
        if (length != null && length < 1) {
            throw new ArgumentError("a VARCHAR length must be at least 1, was " + length);
        }
    }

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String sqlName() {
        return length == null ? "VARCHAR" : "VARCHAR(" + length + ")";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
