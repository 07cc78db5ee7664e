package dev.alchemy.dialect;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table's primary key, like SQLAlchemy's {@code Inspector.get_pk_constraint()}.
 *
 * @param name the constraint's name, or null when it was not named (SQLite) or the table has no key
 * @param columns the key's columns in key order; empty when the table has no primary key
 */
public record ReflectedPrimaryKey(@Nullable String name, List<String> columns) {

    /** Copies the columns. */
    public ReflectedPrimaryKey {
        columns = List.copyOf(columns);
    }
}
