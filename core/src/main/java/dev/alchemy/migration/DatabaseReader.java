package dev.alchemy.migration;

import dev.alchemy.dialect.ReflectedCheckConstraint;
import dev.alchemy.dialect.ReflectedColumn;
import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.dialect.ReflectedIndex;
import dev.alchemy.dialect.ReflectedPrimaryKey;
import dev.alchemy.dialect.ReflectedUniqueConstraint;
import dev.alchemy.schema.Inspector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A table of the database, read through the {@link Inspector}, as a {@link TableDef}. */
final class DatabaseReader {

    private static final java.util.Set<String> INTEGERS = java.util.Set.of("INTEGER", "BIGINT", "SMALLINT");

    private DatabaseReader() {}

    static TableDef read(Inspector inspector, String dialect, @Nullable String schema, String table) {
        ReflectedPrimaryKey pk = inspector.primaryKey(schema, table);
        List<ColumnDef> columns = new ArrayList<>();
        for (ReflectedColumn c : inspector.columns(schema, table)) {
            String serverDefault = c.serverDefault();
            boolean autoincrement = false;
            if (serverDefault != null && serverDefault.startsWith("nextval(")) {
                // PostgreSQL's serial: the sequence is the column's, not a default anyone wrote
                autoincrement = true;
                serverDefault = null;
            } else if (dialect.equals("sqlite")
                    && pk.columns().size() == 1
                    && pk.columns().get(0).equals(c.name())
                    && c.type().toUpperCase(Locale.ROOT).equals("INTEGER")) {
                // SQLite's rowid alias
                autoincrement = true;
            } else if (Equivalence.isMysql(dialect)
                    && pk.columns().size() == 1
                    && pk.columns().get(0).equals(c.name())
                    && INTEGERS.contains(c.type().toUpperCase(Locale.ROOT))) {
                // MySQL's AUTO_INCREMENT, which the DDL gives a table's single integer key (autoincrement "auto"):
                // a script that restates the column (MODIFY COLUMN, or CREATE TABLE in a downgrade) keeps it
                autoincrement = true;
            }
            columns.add(new ColumnDef(c.name(), c.type(), c.nullable(), serverDefault, autoincrement));
        }
        ConstraintDef.PrimaryKey primaryKey =
                pk.columns().isEmpty() ? null : new ConstraintDef.PrimaryKey(pk.name(), pk.columns());
        List<ConstraintDef> constraints = new ArrayList<>();
        for (ReflectedUniqueConstraint u : inspector.uniqueConstraints(schema, table)) {
            constraints.add(new ConstraintDef.Unique(u.name(), u.columns()));
        }
        for (ReflectedForeignKey f : inspector.foreignKeys(schema, table)) {
            String referredSchema = f.referredSchema();
            if (referredSchema != null && referredSchema.equals(schema)) {
                referredSchema = null;
            }
            constraints.add(new ConstraintDef.ForeignKey(
                    f.name(),
                    f.columns(),
                    referredSchema,
                    f.referredTable(),
                    f.referredColumns(),
                    f.onDelete(),
                    f.onUpdate()));
        }
        for (ReflectedCheckConstraint k : inspector.checkConstraints(schema, table)) {
            constraints.add(new ConstraintDef.Check(k.name(), k.sqlText()));
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (ReflectedIndex i : inspector.indexes(schema, table)) {
            indexes.add(new IndexDef(i.name(), i.columns(), i.unique()));
        }
        return new TableDef(schema, table, columns, primaryKey, constraints, indexes);
    }
}
