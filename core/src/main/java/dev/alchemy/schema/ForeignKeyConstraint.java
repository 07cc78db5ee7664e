package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code FOREIGN KEY(a, b) REFERENCES other (x, y)}, for one or several columns.
 *
 * @param name the constraint's name, or null
 * @param columns the local column names
 * @param referredTable the referred table's name
 * @param referredColumns the referred column names, in the same order
 * @param onDelete the ON DELETE action ({@code CASCADE}, {@code SET NULL}, ...), or null
 * @param onUpdate the ON UPDATE action, or null
 */
public record ForeignKeyConstraint(
        @Nullable String name,
        List<String> columns,
        String referredTable,
        List<String> referredColumns,
        @Nullable String onDelete,
        @Nullable String onUpdate)
        implements Constraint {

    /** Checks the columns. */
    public ForeignKeyConstraint {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
        if (columns.isEmpty() || columns.size() != referredColumns.size()) {
            throw new ArgumentError("a foreign key needs as many referred columns as local ones: " + columns + " -> "
                    + referredTable + referredColumns);
        }
        onDelete = ForeignKey.checkAction(onDelete, "onDelete");
        onUpdate = ForeignKey.checkAction(onUpdate, "onUpdate");
    }
}
