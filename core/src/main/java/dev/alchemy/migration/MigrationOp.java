package dev.alchemy.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One difference between the models and the database, as the change that removes it: a table to create, a table
 * to drop, or a table to modify (its {@link TableChange}s), like Alembic's {@code CreateTableOp},
 * {@code DropTableOp} and {@code ModifyTableOps}. Immutable; {@link #reverse()} is the change that undoes it, for a
 * downgrade script.
 */
public sealed interface MigrationOp {

    /** @return the table the operation is about, as it is after the operation (before it, for a drop) */
    TableDef table();

    /** @return the operation that undoes this one */
    MigrationOp reverse();

    /** @return one line per change, for a summary: {@code add column users.phone VARCHAR(20)} */
    List<String> describe();

    /**
     * A table the models have and the database has not.
     *
     * @param table the table to create, with its constraints and indexes
     */
    record CreateTable(TableDef table) implements MigrationOp {

        /** Checks the table. */
        public CreateTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public MigrationOp reverse() {
            return new DropTable(table);
        }

        @Override
        public List<String> describe() {
            return List.of("add table " + table.fullName());
        }
    }

    /**
     * A table the database has and the models have not.
     *
     * @param table the table to drop, as the database has it
     */
    record DropTable(TableDef table) implements MigrationOp {

        /** Checks the table. */
        public DropTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public MigrationOp reverse() {
            return new CreateTable(table);
        }

        @Override
        public List<String> describe() {
            return List.of("drop table " + table.fullName());
        }
    }

    /**
     * A table both have, with differences.
     *
     * @param before the table as the database has it
     * @param after the table as it is to be
     * @param changes the changes, in the order they were found
     */
    record ModifyTable(TableDef before, TableDef after, List<TableChange> changes) implements MigrationOp {

        /** Copies the changes. */
        public ModifyTable {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            changes = List.copyOf(changes);
        }

        @Override
        public TableDef table() {
            return after;
        }

        @Override
        public MigrationOp reverse() {
            List<TableChange> reversed = new ArrayList<>();
            for (TableChange change : changes) {
                reversed.add(change.reverse());
            }
            Collections.reverse(reversed);
            return new ModifyTable(after, before, reversed);
        }

        @Override
        public List<String> describe() {
            return changes.stream().map(c -> c.describe(after.fullName())).toList();
        }
    }
}
