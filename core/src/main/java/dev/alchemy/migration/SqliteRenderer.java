package dev.alchemy.migration;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.migration.MigrationScript.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's script. SQLite alters a table in place only to add a column (nullable, or with a constant default) and
 * to create or drop indexes; any other change rebuilds the table as Alembic's batch mode does, but without
 * renaming it, because foreign keys may be enforced (Alchemy's engines switch them on) and a migration runs in a
 * transaction, where {@code PRAGMA foreign_keys} cannot be changed:
 *
 * <ol>
 *   <li>{@code PRAGMA defer_foreign_keys = ON}: references are checked at the commit, not statement by statement;
 *   <li>the rows are copied to a temporary table, and so are the rows of tables whose foreign keys have an
 *       {@code ON DELETE} action on this table (directly or through others), which dropping it would fire;
 *   <li>the table is dropped and created anew, and its rows copied back (column by column: SQLite converts by the
 *       new type's affinity, as an INSERT would, and never truncates);
 *   <li>its indexes are created again, and the kept rows of the other tables put back.
 * </ol>
 *
 * <p>Not renaming the table is what keeps the other tables' {@code REFERENCES} to it as they were: SQLite rewrites
 * them on {@code ALTER TABLE ... RENAME} when foreign keys are on.
 */
final class SqliteRenderer extends ScriptRenderer {

    private static final Pattern CONSTANT =
            Pattern.compile("(?i)[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|'([^']|'')*'|NULL|TRUE|FALSE|X'[0-9A-Fa-f]*'");

    SqliteRenderer(Dialect dialect, Map<String, TableDef> database) {
        super(dialect, database);
    }

    @Override
    List<Statement> render(List<MigrationOp> operations) {
        boolean rebuilds = operations.stream()
                .anyMatch(op ->
                        op instanceof MigrationOp.DropTable || op instanceof MigrationOp.ModifyTable m && !inPlace(m));
        if (rebuilds) {
            add("PRAGMA defer_foreign_keys = ON", null);
        }
        for (MigrationOp op : operations) {
            if (op instanceof MigrationOp.CreateTable c) {
                add(createTableSql(c.table(), List.of()), null);
                for (IndexDef i : c.table().indexes()) {
                    add(createIndexSql(c.table(), i), null);
                }
                tables.put(c.table().name(), c.table());
            }
        }
        for (MigrationOp op : operations) {
            if (op instanceof MigrationOp.ModifyTable m) {
                if (inPlace(m)) {
                    alterInPlace(m);
                } else {
                    rebuild(m);
                }
                tables.put(m.after().name(), m.after());
            }
        }
        for (MigrationOp op : operations) {
            if (op instanceof MigrationOp.DropTable d) {
                add("DROP TABLE " + tableName(d.table()), reviewDropTable(d.table(), operations));
                tables.remove(d.table().name());
            }
        }
        return out;
    }

    private static boolean inPlace(MigrationOp.ModifyTable m) {
        for (TableChange c : m.changes()) {
            boolean ok = c instanceof TableChange.CreateIndex
                    || c instanceof TableChange.DropIndex
                    || c instanceof TableChange.AddColumn a && addableInPlace(a.column());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** SQLite's ADD COLUMN: no key, a constant default, NOT NULL only with a default that is not NULL. */
    private static boolean addableInPlace(ColumnDef c) {
        String d = c.serverDefault();
        if (c.autoincrement() || d != null && !CONSTANT.matcher(d.strip()).matches()) {
            return false;
        }
        return c.nullable() || d != null && !d.strip().equalsIgnoreCase("NULL");
    }

    private void alterInPlace(MigrationOp.ModifyTable m) {
        TableDef t = m.after();
        for (TableChange c : m.changes()) {
            if (c instanceof TableChange.DropIndex d) {
                add(dropIndexSql(t, d.index()), null);
            }
        }
        for (TableChange c : m.changes()) {
            if (c instanceof TableChange.AddColumn a) {
                add("ALTER TABLE " + tableName(t) + " ADD COLUMN " + columnSql(a.column()), null);
            }
        }
        for (TableChange c : m.changes()) {
            if (c instanceof TableChange.CreateIndex i) {
                add(createIndexSql(t, i.index()), null);
            }
        }
    }

    private void rebuild(MigrationOp.ModifyTable m) {
        TableDef before = m.before();
        TableDef after = m.after();
        String review = review(m);
        String copy = "_alchemy_copy_" + before.name();
        List<TableDef> kept = keptTables(before);
        add("CREATE TEMP TABLE " + q(copy) + " AS SELECT * FROM " + tableName(before), review);
        for (TableDef k : kept) {
            add("CREATE TEMP TABLE " + q("_alchemy_keep_" + k.name()) + " AS SELECT * FROM " + tableName(k), review);
        }
        add("DROP TABLE " + tableName(before), review);
        add(createTableSql(after, List.of()), review);
        List<String> common = new ArrayList<>();
        for (ColumnDef c : after.columns()) {
            if (before.column(c.name()).isPresent()) {
                common.add(q(c.name()));
            }
        }
        if (!common.isEmpty()) {
            String list = String.join(", ", common);
            add("INSERT INTO " + tableName(after) + " (" + list + ") SELECT " + list + " FROM temp." + q(copy), review);
        }
        add("DROP TABLE temp." + q(copy), review);
        for (IndexDef i : after.indexes()) {
            add(createIndexSql(after, i), review);
        }
        for (TableDef k : kept) {
            add("DELETE FROM " + tableName(k), review);
        }
        for (TableDef k : kept) {
            String keep = "temp." + q("_alchemy_keep_" + k.name());
            add("INSERT INTO " + tableName(k) + " SELECT * FROM " + keep, review);
            add("DROP TABLE " + keep, review);
        }
    }

    /**
     * The tables whose rows dropping {@code table} would delete or change through ON DELETE actions: those
     * referring to it with an action, and, for CASCADE, those referring to them with one, and so on.
     */
    private List<TableDef> keptTables(TableDef table) {
        Set<String> reached = new LinkedHashSet<>();
        reached.add(table.name());
        List<TableDef> kept = new ArrayList<>();
        List<String> cascading = new ArrayList<>(List.of(table.name()));
        while (!cascading.isEmpty()) {
            String parent = cascading.remove(0);
            for (TableDef t : tables.values()) {
                if (reached.contains(t.name())) {
                    continue;
                }
                for (ConstraintDef.ForeignKey f : t.foreignKeys()) {
                    String action = f.onDelete() == null ? "" : upper(f.onDelete());
                    if (f.referredTable().equals(parent) && (action.equals("CASCADE") || action.startsWith("SET "))) {
                        reached.add(t.name());
                        kept.add(t);
                        if (action.equals("CASCADE")) {
                            cascading.add(t.name());
                        }
                        break;
                    }
                }
            }
        }
        return kept;
    }

    /** One note for the whole rebuild: what it changes that could fail or lose something. */
    private static @Nullable String review(MigrationOp.ModifyTable m) {
        List<String> notes = new ArrayList<>();
        TableDef t = m.after();
        for (TableChange c : m.changes()) {
            String note = null;
            if (c instanceof TableChange.DropColumn d) {
                note = reviewDropColumn(t, d.column(), m.changes());
            } else if (c instanceof TableChange.AddColumn a) {
                note = reviewAddColumn(t, a.column());
            } else if (c instanceof TableChange.AlterColumn a) {
                note = reviewAlterColumn(t, a);
            }
            if (note != null) {
                notes.add(note);
            }
        }
        String rebuild = "SQLite cannot make this change to " + t.fullName() + " in place: the table is rebuilt"
                + " (rows copied aside, table created anew, rows copied back).";
        return notes.isEmpty() ? rebuild : rebuild + "\n" + String.join("\n", notes);
    }
}
