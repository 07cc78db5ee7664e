package dev.alchemy.migration;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.migration.MigrationScript.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the dialects' scripts share: DDL text in the style of {@code dev.alchemy.schema.DDL}, and review notes. */
abstract class ScriptRenderer {

    final Dialect dialect;
    /** The database's tables as the statements rendered so far leave them. */
    final Map<String, TableDef> tables;

    final List<Statement> out = new ArrayList<>();

    ScriptRenderer(Dialect dialect, Map<String, TableDef> database) {
        this.dialect = dialect;
        this.tables = new LinkedHashMap<>(database);
    }

    abstract List<Statement> render(List<MigrationOp> operations);

    void add(String sql, @Nullable String review) {
        out.add(new Statement(sql, review));
    }

    String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    String tableName(TableDef table) {
        return (table.schema() == null ? "" : q(table.schema()) + ".") + q(table.name());
    }

    String columns(List<String> names) {
        return names.stream().map(this::q).collect(Collectors.joining(", "));
    }

    /** The type to write for a column: PostgreSQL writes a generated key as SERIAL. */
    String renderedType(ColumnDef column) {
        return column.type();
    }

    String columnSql(ColumnDef c) {
        StringBuilder sql = new StringBuilder(q(c.name())).append(' ').append(renderedType(c));
        if (c.serverDefault() != null) {
            sql.append(" DEFAULT ").append(c.serverDefault());
        }
        if (!c.nullable()) {
            sql.append(" NOT NULL");
        }
        String keyword = dialect.autoincrementKeyword();
        if (c.autoincrement() && keyword != null) {
            sql.append(' ').append(keyword); // MySQL's AUTO_INCREMENT
        }
        return sql.toString();
    }

    /** The constraint's clause, {@code CONSTRAINT name} first when {@code name} is given. */
    String constraintSql(ConstraintDef c, @Nullable String name) {
        String prefix = name == null ? "" : "CONSTRAINT " + q(name) + " ";
        if (c instanceof ConstraintDef.PrimaryKey p) {
            return prefix + "PRIMARY KEY (" + columns(p.columns()) + ")";
        }
        if (c instanceof ConstraintDef.Unique u) {
            return prefix + "UNIQUE (" + columns(u.columns()) + ")";
        }
        if (c instanceof ConstraintDef.Check k) {
            return prefix + "CHECK (" + k.sqlText() + ")";
        }
        ConstraintDef.ForeignKey f = (ConstraintDef.ForeignKey) c;
        StringBuilder sql = new StringBuilder(prefix)
                .append("FOREIGN KEY(")
                .append(columns(f.columns()))
                .append(") REFERENCES ")
                .append(f.referredSchema() == null ? "" : q(f.referredSchema()) + ".")
                .append(q(f.referredTable()))
                .append(" (")
                .append(columns(f.referredColumns()))
                .append(')');
        if (f.onDelete() != null) {
            sql.append(" ON DELETE ").append(f.onDelete());
        }
        if (f.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(f.onUpdate());
        }
        return sql.toString();
    }

    /** CREATE TABLE in the layout of {@code DDL.createTableSql}, without the foreign keys left out. */
    String createTableSql(TableDef table, List<ConstraintDef.ForeignKey> leftOut) {
        List<String> lines = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            lines.add(columnSql(c));
        }
        if (table.primaryKey() != null) {
            lines.add(constraintSql(table.primaryKey(), table.primaryKey().name()));
        }
        for (ConstraintDef c : table.constraints()) {
            if (!leftOut.contains(c)) {
                lines.add(constraintSql(c, c.name()));
            }
        }
        return "CREATE TABLE " + tableName(table) + " (\n\t" + String.join(", \n\t", lines) + "\n)"
                + dialect.createTableSuffix();
    }

    String createIndexSql(TableDef table, IndexDef index) {
        return (index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + q(index.name()) + " ON " + tableName(table)
                + " (" + columns(index.columns()) + ")";
    }

    String dropIndexSql(TableDef table, IndexDef index) {
        if (dialect.dropIndexNamesTable()) {
            return "DROP INDEX " + q(index.name()) + " ON " + tableName(table);
        }
        return "DROP INDEX " + (table.schema() == null ? "" : q(table.schema()) + ".") + q(index.name());
    }

    // ---- review notes ----

    static @Nullable String reviewDropTable(TableDef table, List<MigrationOp> operations) {
        List<String> created = operations.stream()
                .filter(MigrationOp.CreateTable.class::isInstance)
                .map(o -> o.table().fullName())
                .toList();
        if (!created.isEmpty()) {
            return "drops table " + table.fullName() + " and its rows while adding " + String.join(", ", created)
                    + ". If this is a rename, replace both with ALTER TABLE " + table.fullName() + " RENAME TO "
                    + created.get(0).substring(created.get(0).lastIndexOf('.') + 1) + " (and the columns' changes).";
        }
        return "drops table " + table.fullName() + " and every row in it.";
    }

    static @Nullable String reviewDropColumn(TableDef table, ColumnDef column, List<TableChange> changes) {
        List<String> added = changes.stream()
                .filter(TableChange.AddColumn.class::isInstance)
                .map(c -> ((TableChange.AddColumn) c).column().name())
                .toList();
        if (!added.isEmpty()) {
            return "drops column " + table.fullName() + "." + column.name() + " and adds " + String.join(", ", added)
                    + ". If this is a rename, replace both with ALTER TABLE " + table.fullName() + " RENAME COLUMN "
                    + column.name() + " TO " + added.get(0) + "; as written, the values of " + column.name()
                    + " are lost.";
        }
        return "drops column " + table.fullName() + "." + column.name() + " and its values.";
    }

    static @Nullable String reviewAddColumn(TableDef table, ColumnDef column) {
        if (!column.nullable() && column.serverDefault() == null && !column.autoincrement()) {
            return "column " + table.fullName() + "." + column.name() + " is NOT NULL without a server default: "
                    + "this fails on a table that has rows. Give it a server default, or add it nullable, fill it "
                    + "and then make it NOT NULL.";
        }
        return null;
    }

    static @Nullable String reviewAlterColumn(TableDef table, TableChange.AlterColumn alter) {
        List<String> notes = new ArrayList<>();
        String name = table.fullName() + "." + alter.to().name();
        if (alter.typeChanged()) {
            notes.add(name + " changes type from " + alter.from().type() + " to "
                    + alter.to().type() + ": check that the existing values convert.");
        }
        if (alter.nullableChanged() && !alter.to().nullable()) {
            notes.add(name + " becomes NOT NULL: rows where it is NULL make this fail; update them first.");
        }
        return notes.isEmpty() ? null : String.join(" ", notes);
    }

    static boolean isForeignKeyChange(TableChange change) {
        return change instanceof TableChange.AddConstraint a && a.constraint() instanceof ConstraintDef.ForeignKey
                || change instanceof TableChange.DropConstraint d && d.constraint() instanceof ConstraintDef.ForeignKey;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
