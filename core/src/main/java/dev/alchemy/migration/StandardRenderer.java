package dev.alchemy.migration;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.migration.MigrationScript.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's script (and that of any database with a full ALTER TABLE): foreign keys dropped first, then new
 * tables, then changes inside tables, then dropped tables, and foreign keys added last, so that no statement
 * depends on one that comes after it. An unnamed constraint is added under the name PostgreSQL would give it
 * ({@code users_email_key}), so that the downgrade script can drop it by name.
 */
class StandardRenderer extends ScriptRenderer {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    StandardRenderer(Dialect dialect, Map<String, TableDef> database) {
        super(dialect, database);
    }

    @Override
    List<Statement> render(List<MigrationOp> operations) {
        List<MigrationOp.ModifyTable> modified = new ArrayList<>();
        for (MigrationOp op : operations) {
            if (op instanceof MigrationOp.ModifyTable m) {
                modified.add(m);
            }
        }
        // 1. foreign keys go first: a dropped column or key may be what they refer to
        for (MigrationOp.ModifyTable m : modified) {
            for (TableChange c : m.changes()) {
                if (c instanceof TableChange.DropConstraint d && d.constraint() instanceof ConstraintDef.ForeignKey) {
                    dropConstraint(m.before(), d.constraint());
                }
            }
        }
        // 2. indexes and other constraints that go
        for (MigrationOp.ModifyTable m : modified) {
            for (TableChange c : m.changes()) {
                if (c instanceof TableChange.DropIndex d) {
                    add(dropIndexSql(m.before(), d.index()), null);
                } else if (c instanceof TableChange.DropConstraint d && !isForeignKeyChange(c)) {
                    dropConstraint(m.before(), d.constraint());
                }
            }
        }
        // 3. new tables, a foreign key to a table created later added at the end
        Set<String> existing = new HashSet<>(tables.keySet());
        List<Statement> lateKeys = new ArrayList<>();
        for (MigrationOp op : operations) {
            if (op instanceof MigrationOp.CreateTable c) {
                TableDef t = c.table();
                existing.add(t.name());
                List<ConstraintDef.ForeignKey> late = new ArrayList<>();
                for (ConstraintDef.ForeignKey f : t.foreignKeys()) {
                    if (f.referredSchema() == null && !existing.contains(f.referredTable())) {
                        late.add(f);
                        lateKeys.add(new Statement(addConstraintSql(t, f), null));
                    }
                }
                add(createTableSql(t, late), null);
                for (IndexDef i : t.indexes()) {
                    add(createIndexSql(t, i), null);
                }
            }
        }
        // 4. columns, then keys, unique and check constraints, then indexes
        for (MigrationOp.ModifyTable m : modified) {
            TableDef t = m.after();
            for (TableChange c : m.changes()) {
                if (c instanceof TableChange.DropColumn d) {
                    add(
                            "ALTER TABLE " + tableName(t) + " DROP COLUMN "
                                    + q(d.column().name()),
                            reviewDropColumn(t, d.column(), m.changes()));
                }
            }
            for (TableChange c : m.changes()) {
                if (c instanceof TableChange.AddColumn a) {
                    add(
                            "ALTER TABLE " + tableName(t) + " ADD COLUMN " + columnSql(a.column()),
                            reviewAddColumn(t, a.column()));
                } else if (c instanceof TableChange.AlterColumn a) {
                    alterColumn(t, a);
                }
            }
            for (TableChange c : m.changes()) {
                if (c instanceof TableChange.AddConstraint a && !isForeignKeyChange(c)) {
                    add(addConstraintSql(t, a.constraint()), null);
                }
            }
            for (TableChange c : m.changes()) {
                if (c instanceof TableChange.CreateIndex i) {
                    add(createIndexSql(t, i.index()), null);
                }
            }
        }
        // 5. dropped tables
        for (MigrationOp op : operations) {
            if (op instanceof MigrationOp.DropTable d) {
                add("DROP TABLE " + tableName(d.table()), reviewDropTable(d.table(), operations));
            }
        }
        // 6. foreign keys, now that every table and column they name exists
        for (MigrationOp.ModifyTable m : modified) {
            for (TableChange c : m.changes()) {
                if (c instanceof TableChange.AddConstraint a && a.constraint() instanceof ConstraintDef.ForeignKey) {
                    add(addConstraintSql(m.after(), a.constraint()), null);
                }
            }
        }
        out.addAll(lateKeys);
        return out;
    }

    @Override
    String renderedType(ColumnDef column) {
        if (!column.autoincrement()) {
            return column.type();
        }
        return switch (upper(column.type())) {
            case "INTEGER" -> "SERIAL";
            case "BIGINT" -> "BIGSERIAL";
            case "SMALLINT" -> "SMALLSERIAL";
            default -> column.type();
        };
    }

    void alterColumn(TableDef t, TableChange.AlterColumn a) {
        String head = "ALTER TABLE " + tableName(t) + " ALTER COLUMN " + q(a.to().name());
        String review = reviewAlterColumn(t, a);
        if (a.defaultChanged() && a.from().serverDefault() != null) {
            add(head + " DROP DEFAULT", review);
        }
        if (a.typeChanged()) {
            // USING: PostgreSQL converts only some types by itself (never text to a number)
            add(head + " TYPE " + a.to().type() + " USING " + q(a.to().name()) + "::" + a.to().type(), review);
        }
        if (a.defaultChanged() && a.to().serverDefault() != null) {
            add(head + " SET DEFAULT " + a.to().serverDefault(), review);
        }
        if (a.nullableChanged()) {
            add(head + (a.to().nullable() ? " DROP NOT NULL" : " SET NOT NULL"), review);
        }
    }

    void dropConstraint(TableDef t, ConstraintDef c) {
        add("ALTER TABLE " + tableName(t) + " DROP CONSTRAINT " + q(constraintName(t, c)), null);
    }

    String addConstraintSql(TableDef t, ConstraintDef c) {
        return "ALTER TABLE " + tableName(t) + " ADD " + constraintSql(c, constraintName(t, c));
    }

    /** The constraint's name, or the one PostgreSQL gives an unnamed constraint. */
    String constraintName(TableDef t, ConstraintDef c) {
        if (c.name() != null) {
            return c.name();
        }
        if (c instanceof ConstraintDef.PrimaryKey) {
            return t.name() + "_pkey";
        }
        if (c instanceof ConstraintDef.Unique u) {
            return t.name() + "_" + String.join("_", u.columns()) + "_key";
        }
        if (c instanceof ConstraintDef.ForeignKey f) {
            return t.name() + "_" + String.join("_", f.columns()) + "_fkey";
        }
        ConstraintDef.Check k = (ConstraintDef.Check) c;
        return t.name() + "_" + firstColumn(t, k.sqlText()) + "check";
    }

    /** PostgreSQL names a CHECK after the first column it mentions. */
    private static String firstColumn(TableDef t, String text) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            @Nullable String word = m.group();
            if (t.column(word).isPresent()) {
                return word + "_";
            }
        }
        return "";
    }
}
