package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code UNIQUE (a, b)}: no two rows share these columns' values.
 *
 * @param name the constraint's name, or null
 * @param columns the column names
 */
public record UniqueConstraint(@Nullable String name, List<String> columns) implements Constraint {

    /** Checks the columns. */
    public UniqueConstraint {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new ArgumentError("a unique constraint needs at least one column");
        }
    }

    /**
     * @param columns the column names
     * @return an unnamed constraint
     */
    public static UniqueConstraint of(String... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }
}
