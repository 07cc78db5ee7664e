package dev.alchemy.migration;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.migration.MigrationScript.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's script: the phases of the {@link StandardRenderer} (foreign keys dropped first and added
 * last), in MySQL's words. A column's type, nullability or default changes with {@code ALTER TABLE ... MODIFY
 * COLUMN}, which restates the whole column; a foreign key goes with {@code DROP FOREIGN KEY}, together with the index
 * InnoDB made for it; a UNIQUE constraint, which MySQL keeps as an index, with {@code DROP INDEX}; the primary key
 * with {@code DROP PRIMARY KEY}. A changed primary key is dropped and added in one statement, which MySQL needs when
 * an AUTO_INCREMENT column is in it.
 *
 * <p>MySQL commits every DDL statement by itself: a script that fails half-way leaves the statements before the
 * failed one applied, whatever transaction Flyway runs it in.
 */
final class MysqlRenderer extends StandardRenderer {

    /** The name MySQL and MariaDB give an unnamed foreign key: {@code posts_ibfk_1}. */
    private static final String GENERATED_FOREIGN_KEY = "_ibfk_\\d+";

    /** Tables whose primary key is replaced: dropped in the same statement that adds the new one. */
    private final Set<String> replacedKeys = new HashSet<>();

    MysqlRenderer(Dialect dialect, Map<String, TableDef> database) {
        super(dialect, database);
    }

    @Override
    List<Statement> render(List<MigrationOp> operations) {
        for (MigrationOp op : operations) {
            if (op instanceof MigrationOp.ModifyTable m
                    && m.changes().stream()
                            .anyMatch(c -> c instanceof TableChange.AddConstraint a
                                    && a.constraint() instanceof ConstraintDef.PrimaryKey)
                    && m.changes().stream()
                            .anyMatch(c -> c instanceof TableChange.DropConstraint d
                                    && d.constraint() instanceof ConstraintDef.PrimaryKey)) {
                replacedKeys.add(m.after().fullName());
            }
        }
        return super.render(operations);
    }

    @Override
    String renderedType(ColumnDef column) {
        return column.type(); // AUTO_INCREMENT is written after NOT NULL, by columnSql
    }

    /** One {@code MODIFY COLUMN} with the column as it is to be: type, nullability and default together. */
    @Override
    void alterColumn(TableDef t, TableChange.AlterColumn a) {
        add("ALTER TABLE " + tableName(t) + " MODIFY COLUMN " + columnSql(a.to()), reviewAlterColumn(t, a));
    }

    @Override
    void dropConstraint(TableDef t, ConstraintDef c) {
        String head = "ALTER TABLE " + tableName(t);
        if (c instanceof ConstraintDef.PrimaryKey) {
            if (!replacedKeys.contains(t.fullName())) {
                add(head + " DROP PRIMARY KEY", null);
            }
        } else if (c instanceof ConstraintDef.ForeignKey f) {
            String name = constraintName(t, f);
            add(head + " DROP FOREIGN KEY " + q(name), null);
            // InnoDB made an index for the key when no index started with its columns; the index stays when the key
            // goes, and would then be a difference of its own
            if (needsImplicitIndex(t, f)) {
                String index = name.matches(Pattern.quote(t.name()) + GENERATED_FOREIGN_KEY)
                        ? f.columns().get(0)
                        : name;
                add(head + " DROP INDEX " + q(index), null);
            }
        } else if (c instanceof ConstraintDef.Unique) {
            add(head + " DROP INDEX " + q(constraintName(t, c)), null);
        } else {
            // MySQL 8.0.19 and MariaDB 10.2 drop a CHECK by name this way
            add(head + " DROP CONSTRAINT " + q(constraintName(t, c)), null);
        }
    }

    /** Whether no other index of the table starts with the key's columns, so that InnoDB made one for it. */
    private static boolean needsImplicitIndex(TableDef t, ConstraintDef.ForeignKey f) {
        List<String> columns = f.columns();
        if (t.primaryKey() != null && startsWith(t.primaryKey().columns(), columns)) {
            return false;
        }
        for (IndexDef i : t.indexes()) {
            if (startsWith(i.columns(), columns)) {
                return false;
            }
        }
        for (ConstraintDef c : t.constraints()) {
            if (c instanceof ConstraintDef.Unique u && startsWith(u.columns(), columns)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(List<String> indexColumns, List<String> columns) {
        return indexColumns.size() >= columns.size()
                && indexColumns.subList(0, columns.size()).equals(columns);
    }

    @Override
    String addConstraintSql(TableDef t, ConstraintDef c) {
        String head = "ALTER TABLE " + tableName(t);
        if (c instanceof ConstraintDef.PrimaryKey p) {
            // MySQL ignores a primary key's name: every one is called PRIMARY
            return head + (replacedKeys.contains(t.fullName()) ? " DROP PRIMARY KEY," : "") + " ADD PRIMARY KEY ("
                    + columns(p.columns()) + ")";
        }
        return super.addConstraintSql(t, c);
    }
}
