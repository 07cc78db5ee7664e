package dev.alchemy.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Compares one table of the models with the same table of the database, as Alembic's
 * {@code autogenerate/compare/} does: columns by name; the primary key by its columns; UNIQUE constraints and
 * indexes by signature (their columns and uniqueness), so that an unnamed one matches whatever name the database
 * gave it; foreign keys by columns, referred table and actions; CHECK constraints by name, else by condition.
 */
final class TableComparer {

    private final String dialect;

    TableComparer(String dialect) {
        this.dialect = dialect;
    }

    /**
     * @return the changes from {@code database} to {@code model}, drops of indexes and constraints first
     */
    List<TableChange> compare(TableDef database, TableDef model) {
        List<TableChange> changes = new ArrayList<>();
        compareColumns(database, model, changes);
        comparePrimaryKey(database, model, changes);
        compareUniques(database, model, changes);
        compareForeignKeys(database, model, changes);
        compareChecks(database, model, changes);
        return changes;
    }

    private void compareColumns(TableDef database, TableDef model, List<TableChange> changes) {
        Set<String> keyColumns = new HashSet<>();
        if (model.primaryKey() != null) {
            keyColumns.addAll(model.primaryKey().columns());
        }
        if (database.primaryKey() != null) {
            keyColumns.addAll(database.primaryKey().columns());
        }
        for (ColumnDef m : model.columns()) {
            ColumnDef d = database.column(m.name()).orElse(null);
            if (d == null) {
                changes.add(new TableChange.AddColumn(m));
                continue;
            }
            boolean sameType = Equivalence.sameType(dialect, m.type(), d.type());
            // a key column is NOT NULL whatever its DDL said (SQLite reports INTEGER PRIMARY KEY as nullable)
            boolean sameNullable = m.nullable() == d.nullable() || keyColumns.contains(m.name());
            boolean sameDefault = Equivalence.sameDefault(dialect, m.serverDefault(), d.serverDefault());
            if (!sameType || !sameNullable || !sameDefault) {
                ColumnDef to = new ColumnDef(
                        m.name(),
                        sameType ? d.type() : m.type(),
                        sameNullable ? d.nullable() : m.nullable(),
                        sameDefault ? d.serverDefault() : m.serverDefault(),
                        m.autoincrement());
                changes.add(new TableChange.AlterColumn(d, to));
            }
        }
        for (ColumnDef d : database.columns()) {
            if (model.column(d.name()).isEmpty()) {
                changes.add(new TableChange.DropColumn(d));
            }
        }
    }

    private static void comparePrimaryKey(TableDef database, TableDef model, List<TableChange> changes) {
        List<String> dbKey = database.primaryKey() == null
                ? List.of()
                : database.primaryKey().columns();
        List<String> modelKey =
                model.primaryKey() == null ? List.of() : model.primaryKey().columns();
        if (dbKey.equals(modelKey)) {
            return;
        }
        if (database.primaryKey() != null) {
            changes.add(new TableChange.DropConstraint(database.primaryKey()));
        }
        if (model.primaryKey() != null) {
            changes.add(new TableChange.AddConstraint(model.primaryKey()));
        }
    }

    /** A signature for UNIQUE constraints and indexes: whether unique, and the columns. */
    private record Signature(boolean unique, List<String> columns) {}

    /**
     * UNIQUE constraints and indexes together, matched by signature: a database may keep a model's unique
     * constraint as a unique index and the other way round, as Alembic allows for.
     */
    private static void compareUniques(TableDef database, TableDef model, List<TableChange> changes) {
        Map<Object, Signature> dbItems = new LinkedHashMap<>();
        Map<Object, Signature> modelItems = new LinkedHashMap<>();
        collect(database, dbItems);
        collect(model, modelItems);
        // the same name and signature first, then any signature: a name alone is no difference worth a migration
        Set<Object> matchedDb = new HashSet<>();
        Set<Object> matchedModel = new HashSet<>();
        match(modelItems, dbItems, matchedModel, matchedDb, (m, d) -> sameName(m, d));
        match(modelItems, dbItems, matchedModel, matchedDb, (m, d) -> true);
        for (Object d : dbItems.keySet()) {
            if (!matchedDb.contains(d)) {
                changes.add(
                        d instanceof IndexDef i
                                ? new TableChange.DropIndex(i)
                                : new TableChange.DropConstraint((ConstraintDef) d));
            }
        }
        for (Object m : modelItems.keySet()) {
            if (!matchedModel.contains(m)) {
                changes.add(
                        m instanceof IndexDef i
                                ? new TableChange.CreateIndex(i)
                                : new TableChange.AddConstraint((ConstraintDef) m));
            }
        }
    }

    private static boolean sameName(Object model, Object database) {
        String m = model instanceof IndexDef i ? i.name() : ((ConstraintDef) model).name();
        String d = database instanceof IndexDef i ? i.name() : ((ConstraintDef) database).name();
        return m != null && m.equals(d);
    }

    private static void match(
            Map<Object, Signature> model,
            Map<Object, Signature> database,
            Set<Object> matchedModel,
            Set<Object> matchedDb,
            BiPredicate<Object, Object> also) {
        for (Map.Entry<Object, Signature> m : model.entrySet()) {
            if (matchedModel.contains(m.getKey())) {
                continue;
            }
            for (Map.Entry<Object, Signature> d : database.entrySet()) {
                if (!matchedDb.contains(d.getKey())
                        && m.getValue().equals(d.getValue())
                        && also.test(m.getKey(), d.getKey())) {
                    matchedModel.add(m.getKey());
                    matchedDb.add(d.getKey());
                    break;
                }
            }
        }
    }

    private static void collect(TableDef table, Map<Object, Signature> items) {
        for (ConstraintDef c : table.constraints()) {
            if (c instanceof ConstraintDef.Unique u) {
                items.put(u, new Signature(true, u.columns()));
            }
        }
        for (IndexDef i : table.indexes()) {
            items.put(i, new Signature(i.unique(), i.columns()));
        }
    }

    private static void compareForeignKeys(TableDef database, TableDef model, List<TableChange> changes) {
        List<ConstraintDef.ForeignKey> dbKeys = new ArrayList<>(database.foreignKeys());
        List<ConstraintDef.ForeignKey> added = new ArrayList<>();
        for (ConstraintDef.ForeignKey m : model.foreignKeys()) {
            ConstraintDef.ForeignKey same = dbKeys.stream()
                    .filter(d -> sameForeignKey(m, d))
                    .findFirst()
                    .orElse(null);
            if (same != null) {
                dbKeys.remove(same);
            } else {
                added.add(m);
            }
        }
        dbKeys.forEach(d -> changes.add(new TableChange.DropConstraint(d)));
        added.forEach(m -> changes.add(new TableChange.AddConstraint(m)));
    }

    private static boolean sameForeignKey(ConstraintDef.ForeignKey m, ConstraintDef.ForeignKey d) {
        return m.columns().equals(d.columns())
                && Objects.equals(m.referredSchema(), d.referredSchema())
                && m.referredTable().equals(d.referredTable())
                && m.referredColumns().equals(d.referredColumns())
                && Objects.equals(action(m.onDelete()), action(d.onDelete()))
                && Objects.equals(action(m.onUpdate()), action(d.onUpdate()));
    }

    private static @Nullable String action(@Nullable String action) {
        return action == null || action.equalsIgnoreCase("NO ACTION")
                ? null
                : action.toUpperCase(java.util.Locale.ROOT);
    }

    private static void compareChecks(TableDef database, TableDef model, List<TableChange> changes) {
        List<ConstraintDef.Check> dbChecks = checks(database);
        List<ConstraintDef.Check> modelChecks = checks(model);
        List<ConstraintDef.Check> unmatched = new ArrayList<>();
        // by name where the model names it (the database may word the condition its own way), else by condition
        for (ConstraintDef.Check m : modelChecks) {
            ConstraintDef.Check same = dbChecks.stream()
                    .filter(d -> m.name() != null && m.name().equals(d.name()))
                    .findFirst()
                    .orElse(null);
            if (same != null) {
                dbChecks.remove(same);
            } else {
                unmatched.add(m);
            }
        }
        List<ConstraintDef.Check> added = new ArrayList<>();
        for (ConstraintDef.Check m : unmatched) {
            ConstraintDef.Check same = dbChecks.stream()
                    .filter(d -> Equivalence.sameCheck(m.sqlText(), d.sqlText()))
                    .findFirst()
                    .orElse(null);
            if (same != null) {
                dbChecks.remove(same);
            } else {
                added.add(m);
            }
        }
        dbChecks.forEach(d -> changes.add(new TableChange.DropConstraint(d)));
        added.forEach(m -> changes.add(new TableChange.AddConstraint(m)));
    }

    private static List<ConstraintDef.Check> checks(TableDef table) {
        List<ConstraintDef.Check> checks = new ArrayList<>();
        for (ConstraintDef c : table.constraints()) {
            if (c instanceof ConstraintDef.Check k) {
                checks.add(k);
            }
        }
        return checks;
    }
}
