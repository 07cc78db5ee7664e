package dev.alchemy.dialect;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A foreign key, like an entry of SQLAlchemy's {@code Inspector.get_foreign_keys()}.
 *
 * @param name the constraint's name, or null when it was not named (SQLite)
 * @param columns the local columns
 * @param referredSchema the referred table's schema as SQLAlchemy reports it: named when the database's search path
 *     does not find the table by its bare name (PostgreSQL's {@code inventory.warehouses}) or when it is the schema
 *     the inspector was asked about; null for a table of the default schema
 * @param referredTable the referred table
 * @param referredColumns the referred columns, in the order of {@code columns}
 * @param onDelete the ON DELETE action ({@code CASCADE}, {@code SET NULL}, ...), null for the default NO ACTION
 * @param onUpdate the ON UPDATE action, null for the default NO ACTION
 */
public record ReflectedForeignKey(
        @Nullable String name,
        List<String> columns,
        @Nullable String referredSchema,
        String referredTable,
        List<String> referredColumns,
        @Nullable String onDelete,
        @Nullable String onUpdate) {

    /** Copies the lists. */
    public ReflectedForeignKey {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
        Objects.requireNonNull(referredTable, "referredTable");
    }
}
