package dev.alchemy.dialect;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A UNIQUE constraint, like an entry of SQLAlchemy's {@code Inspector.get_unique_constraints()}.
 *
 * @param name the constraint's name, or null when it was not named (SQLite)
 * @param columns its columns
 */
public record ReflectedUniqueConstraint(@Nullable String name, List<String> columns) {

    /** Copies the columns. */
    public ReflectedUniqueConstraint {
        columns = List.copyOf(columns);
    }
}
