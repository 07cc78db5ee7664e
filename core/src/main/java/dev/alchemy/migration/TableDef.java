package dev.alchemy.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table as a migration sees it, whether read from the models or from the database: columns in table order, the
 * primary key, the other constraints and the indexes. Immutable.
 *
 * @param schema the schema, or null for the default one
 * @param name the table's name
 * @param columns its columns, in table order
 * @param primaryKey its primary key, or null when it has none
 * @param constraints its UNIQUE, FOREIGN KEY and CHECK constraints
 * @param indexes its indexes (those made with CREATE INDEX)
 */
public record TableDef(
        @Nullable String schema,
        String name,
        List<ColumnDef> columns,
        ConstraintDef.@Nullable PrimaryKey primaryKey,
        List<ConstraintDef> constraints,
        List<IndexDef> indexes) {

    /** Copies the lists. */
    public TableDef {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        if (constraints.stream().anyMatch(c -> c instanceof ConstraintDef.PrimaryKey)) {
            throw new dev.alchemy.exc.ArgumentError("the primary key of table " + name + " goes in primaryKey");
        }
    }

    /** @return {@code schema.name}, or the name for a table of the default schema */
    public String fullName() {
        return schema == null ? name : schema + "." + name;
    }

    /**
     * @param columnName a column's name
     * @return the column, if the table has it
     */
    public Optional<ColumnDef> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** @return the foreign keys among the constraints */
    public List<ConstraintDef.ForeignKey> foreignKeys() {
        return constraints.stream()
                .filter(ConstraintDef.ForeignKey.class::isInstance)
                .map(ConstraintDef.ForeignKey.class::cast)
                .toList();
    }

    @Override
    public String toString() {
        return "table " + fullName();
    }
}
