package dev.alchemy.migration;

import java.util.List;
import java.util.Objects;

/**
 * An index made with CREATE INDEX.
 *
 * @param name its name
 * @param columns its columns, in index order
 * @param unique whether it is a unique index
 */
public record IndexDef(String name, List<String> columns, boolean unique) {

    /** Copies the columns. */
    public IndexDef {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }

    @Override
    public String toString() {
        return (unique ? "unique index " : "index ") + name + " " + columns;
    }
}
