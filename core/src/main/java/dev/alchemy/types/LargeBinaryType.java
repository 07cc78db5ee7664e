package dev.alchemy.types;

import dev.alchemy.exc.ArgumentError;
import org.jspecify.annotations.Nullable;

/**
 * A binary large object ↔ {@code byte[]}, like SQLAlchemy's {@code LargeBinary}: {@code BLOB} on SQLite,
 * {@code BYTEA} on PostgreSQL.
 *
 * @param length the maximum length in bytes (informational; neither SQLite nor PostgreSQL renders it), or null
 */
public record LargeBinaryType(@Nullable Integer length) implements SqlType<byte[]> {

    /** Checks the length. */
    public LargeBinaryType {
        if (length != null && length < 1) {
            throw new ArgumentError("a LargeBinary length must be at least 1, was " + length);
        }
    }

    @Override
    public Class<byte[]> javaType() {
        return byte[].class;
    }

    @Override
    public String sqlName() {
        return "BLOB";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
