package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code FOREIGN KEY(a, b) REFERENCES other (x, y)}, for one or several columns, like SQLAlchemy's
 * {@code ForeignKeyConstraint}.
 *
 * <pre>{@code
 * ForeignKeyConstraint.of(List.of("a", "b"), List.of("comp.x", "comp.y")).onDelete("CASCADE")
 * // FOREIGN KEY(a, b) REFERENCES comp (x, y) ON DELETE CASCADE
 * }</pre>
 *
 * @param name the constraint's name, or null
 * @param columns the local column names
 * @param referredTable the referred table's name ({@code schema.table} for one in a schema)
 * @param referredColumns the referred column names, in the same order
 * @param onDelete the ON DELETE action ({@code CASCADE}, {@code SET NULL}, ...), or null
 * @param onUpdate the ON UPDATE action, or null
 * @param useAlter whether {@code createAll} adds it with {@code ALTER TABLE} after creating the tables
 */
public record ForeignKeyConstraint(
        @Nullable String name,
        List<String> columns,
        String referredTable,
        List<String> referredColumns,
        @Nullable String onDelete,
        @Nullable String onUpdate,
        boolean useAlter)
        implements Constraint {

    /** Checks the columns. */
    public ForeignKeyConstraint {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
        Objects.requireNonNull(referredTable, "referredTable");
        if (columns.isEmpty() || columns.size() != referredColumns.size()) {
            throw new ArgumentError("a foreign key needs as many referred columns as local ones, got " + columns
                    + " -> " + referredTable + referredColumns);
        }
        if (referredTable.isBlank()) {
            throw new ArgumentError("a foreign key " + columns + " needs the referred table's name");
        }
        onDelete = ForeignKey.checkAction(onDelete, "onDelete");
        onUpdate = ForeignKey.checkAction(onUpdate, "onUpdate");
    }

    /**
     * A constraint without {@code useAlter}.
     *
     * @param name the constraint's name, or null
     * @param columns the local column names
     * @param referredTable the referred table's name
     * @param referredColumns the referred column names
     * @param onDelete the ON DELETE action, or null
     * @param onUpdate the ON UPDATE action, or null
     */
    public ForeignKeyConstraint(
            @Nullable String name,
            List<String> columns,
            String referredTable,
            List<String> referredColumns,
            @Nullable String onDelete,
            @Nullable String onUpdate) {
        this(name, columns, referredTable, referredColumns, onDelete, onUpdate, false);
    }

    /**
     * Like SQLAlchemy's {@code ForeignKeyConstraint(["a", "b"], ["comp.x", "comp.y"])}: the referred columns as
     * {@code table.column}, all of one table.
     *
     * @param columns the local column names
     * @param targets the referred columns, {@code table.column} each
     * @return an unnamed constraint without actions
     * @throws ArgumentError when a target is malformed or the targets name several tables
     */
    public static ForeignKeyConstraint of(List<String> columns, List<String> targets) {
        String table = null;
        List<String> referred = new ArrayList<>();
        for (String target : targets) {
            ForeignKey fk = ForeignKey.to(target);
            if (table != null && !table.equals(fk.targetTable())) {
                throw new ArgumentError("a foreign key constraint refers to one table; " + targets + " name '" + table
                        + "' and '" + fk.targetTable() + "'");
            }
            table = fk.targetTable();
            referred.add(fk.targetColumn());
        }
        if (table == null) {
            throw new ArgumentError("a foreign key constraint needs at least one referred column");
        }
        return new ForeignKeyConstraint(null, columns, table, referred, null, null, false);
    }

    /**
     * @param columns the local column names
     * @param referredTable the referred table's name
     * @param referredColumns the referred column names, in the same order
     * @return an unnamed constraint without actions
     */
    public static ForeignKeyConstraint of(List<String> columns, String referredTable, List<String> referredColumns) {
        return new ForeignKeyConstraint(null, columns, referredTable, referredColumns, null, null, false);
    }

    /**
     * @param name the constraint's name
     * @return a copy with this name
     */
    public ForeignKeyConstraint name(@Nullable String name) {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, onDelete, onUpdate, useAlter);
    }

    /**
     * @param action {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT} or {@code NO ACTION}
     * @return a copy with this ON DELETE action
     */
    public ForeignKeyConstraint onDelete(String action) {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, action, onUpdate, useAlter);
    }

    /**
     * @param action {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT} or {@code NO ACTION}
     * @return a copy with this ON UPDATE action
     */
    public ForeignKeyConstraint onUpdate(String action) {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, onDelete, action, useAlter);
    }

    /**
     * @param useAlter true to have {@code createAll} add the constraint with {@code ALTER TABLE} after the tables,
     *     where the database can
     * @return a copy with this setting
     */
    public ForeignKeyConstraint useAlter(boolean useAlter) {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, onDelete, onUpdate, useAlter);
    }
}
