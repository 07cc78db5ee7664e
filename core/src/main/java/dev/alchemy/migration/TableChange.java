package dev.alchemy.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change inside a table that both the models and the database have (Alembic's {@code AddColumnOp},
 * {@code AlterColumnOp}, {@code CreateIndexOp}, ...). Immutable; {@link #reverse()} undoes it.
 */
public sealed interface TableChange {

    /** @return the change that undoes this one */
    TableChange reverse();

    /**
     * @param table the table's full name
     * @return the change in one line, for a summary
     */
    String describe(String table);

    /**
     * A column to add.
     *
     * @param column the column
     */
    record AddColumn(ColumnDef column) implements TableChange {

        /** Checks the column. */
        public AddColumn {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public TableChange reverse() {
            return new DropColumn(column);
        }

        @Override
        public String describe(String table) {
            return "add column " + table + "." + column;
        }
    }

    /**
     * A column to drop.
     *
     * @param column the column, as the database has it
     */
    record DropColumn(ColumnDef column) implements TableChange {

        /** Checks the column. */
        public DropColumn {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public TableChange reverse() {
            return new AddColumn(column);
        }

        @Override
        public String describe(String table) {
            return "drop column " + table + "." + column.name();
        }
    }

    /**
     * A column whose type, nullability or server default changes.
     *
     * @param from the column as the database has it
     * @param to the column as it is to be (same name)
     */
    record AlterColumn(ColumnDef from, ColumnDef to) implements TableChange {

        /** Checks the columns. */
        public AlterColumn {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** @return whether the type changes */
        public boolean typeChanged() {
            return !from.type().equals(to.type());
        }

        /** @return whether the nullability changes */
        public boolean nullableChanged() {
            return from.nullable() != to.nullable();
        }

        /** @return whether the server default changes */
        public boolean defaultChanged() {
            return !Objects.equals(from.serverDefault(), to.serverDefault());
        }

        @Override
        public TableChange reverse() {
            return new AlterColumn(to, from);
        }

        @Override
        public String describe(String table) {
            List<String> what = new ArrayList<>();
            if (typeChanged()) {
                what.add("type " + from.type() + " -> " + to.type());
            }
            if (nullableChanged()) {
                what.add(to.nullable() ? "NULL allowed" : "NOT NULL");
            }
            if (defaultChanged()) {
                what.add("default " + from.serverDefault() + " -> " + to.serverDefault());
            }
            return "alter column " + table + "." + to.name() + ": " + String.join(", ", what);
        }
    }

    /**
     * A constraint to add.
     *
     * @param constraint the constraint
     */
    record AddConstraint(ConstraintDef constraint) implements TableChange {

        /** Checks the constraint. */
        public AddConstraint {
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public TableChange reverse() {
            return new DropConstraint(constraint);
        }

        @Override
        public String describe(String table) {
            return "add " + constraint + " on " + table;
        }
    }

    /**
     * A constraint to drop.
     *
     * @param constraint the constraint, as the database has it
     */
    record DropConstraint(ConstraintDef constraint) implements TableChange {

        /** Checks the constraint. */
        public DropConstraint {
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public TableChange reverse() {
            return new AddConstraint(constraint);
        }

        @Override
        public String describe(String table) {
            return "drop " + constraint + " on " + table;
        }
    }

    /**
     * An index to create.
     *
     * @param index the index
     */
    record CreateIndex(IndexDef index) implements TableChange {

        /** Checks the index. */
        public CreateIndex {
            Objects.requireNonNull(index, "index");
        }

        @Override
        public TableChange reverse() {
            return new DropIndex(index);
        }

        @Override
        public String describe(String table) {
            return "add " + index + " on " + table;
        }
    }

    /**
     * An index to drop.
     *
     * @param index the index, as the database has it
     */
    record DropIndex(IndexDef index) implements TableChange {

        /** Checks the index. */
        public DropIndex {
            Objects.requireNonNull(index, "index");
        }

        @Override
        public TableChange reverse() {
            return new CreateIndex(index);
        }

        @Override
        public String describe(String table) {
            return "drop " + index + " on " + table;
        }
    }
}
