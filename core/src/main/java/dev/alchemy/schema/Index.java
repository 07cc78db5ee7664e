package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [UNIQUE] INDEX name ON table (a, b)}.
 *
 * @param name the index's name
 * @param columns the column names
 * @param unique whether the index is unique
 */
public record Index(String name, List<String> columns, boolean unique) implements SchemaItem {

    /** Checks the arguments. */
    public Index {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new ArgumentError("index '" + name + "' needs at least one column");
        }
    }

    /**
     * @param name the name
     * @param columns the columns
     * @return a non-unique index
     */
    public static Index of(String name, String... columns) {
        return new Index(name, List.of(columns), false);
    }

    /**
     * @param name the name
     * @param columns the columns
     * @return a unique index
     */
    public static Index unique(String name, String... columns) {
        return new Index(name, List.of(columns), true);
    }
}
