package dev.alchemy.dialect;

import java.util.List;
import java.util.Objects;

/**
 * An index created on its own (not one the database made for a primary key or UNIQUE constraint), like an entry of
 * SQLAlchemy's {@code Inspector.get_indexes()}.
 *
 * @param name the index's name
 * @param columns its columns in index order; expressions in the index are left out
 * @param unique whether it is a unique index
 */
public record ReflectedIndex(String name, List<String> columns, boolean unique) {

    /** Copies the columns. */
    public ReflectedIndex {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
