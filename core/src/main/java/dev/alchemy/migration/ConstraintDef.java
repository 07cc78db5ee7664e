package dev.alchemy.migration;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A table constraint as a migration sees it: a primary key, UNIQUE, FOREIGN KEY or CHECK. */
public sealed interface ConstraintDef {

    /** @return the constraint's name, or null when it has none (the database then names it, or not) */
    @Nullable
    String name();

    /**
     * A primary key.
     *
     * @param name its name, or null
     * @param columns its columns in key order
     */
    record PrimaryKey(@Nullable String name, List<String> columns) implements ConstraintDef {

        /** Copies the columns. */
        public PrimaryKey {
            columns = List.copyOf(columns);
        }

        @Override
        public String toString() {
            return "primary key " + columns;
        }
    }

    /**
     * A UNIQUE constraint.
     *
     * @param name its name, or null
     * @param columns its columns
     */
    record Unique(@Nullable String name, List<String> columns) implements ConstraintDef {

        /** Copies the columns. */
        public Unique {
            columns = List.copyOf(columns);
        }

        @Override
        public String toString() {
            return "unique constraint " + (name == null ? "" : name + " ") + columns;
        }
    }

    /**
     * A foreign key.
     *
     * @param name its name, or null
     * @param columns the local columns
     * @param referredSchema the referred table's schema, or null for the schema of the table
     * @param referredTable the referred table
     * @param referredColumns the referred columns, in the order of {@code columns}
     * @param onDelete the ON DELETE action, or null for NO ACTION
     * @param onUpdate the ON UPDATE action, or null for NO ACTION
     */
    record ForeignKey(
            @Nullable String name,
            List<String> columns,
            @Nullable String referredSchema,
            String referredTable,
            List<String> referredColumns,
            @Nullable String onDelete,
            @Nullable String onUpdate)
            implements ConstraintDef {

        /** Copies the columns. */
        public ForeignKey {
            columns = List.copyOf(columns);
            referredColumns = List.copyOf(referredColumns);
            Objects.requireNonNull(referredTable, "referredTable");
        }

        @Override
        public String toString() {
            return "foreign key " + (name == null ? "" : name + " ") + columns + " -> "
                    + (referredSchema == null ? "" : referredSchema + ".") + referredTable + referredColumns
                    + (onDelete == null ? "" : " ON DELETE " + onDelete)
                    + (onUpdate == null ? "" : " ON UPDATE " + onUpdate);
        }
    }

    /**
     * A CHECK constraint.
     *
     * @param name its name, or null
     * @param sqlText the condition, without {@code CHECK (...)}
     */
    record Check(@Nullable String name, String sqlText) implements ConstraintDef {

        /** Checks the text. */
        public Check {
            Objects.requireNonNull(sqlText, "sqlText");
        }

        @Override
        public String toString() {
            return "check constraint " + (name == null ? "" : name + " ") + "(" + sqlText + ")";
        }
    }
}
