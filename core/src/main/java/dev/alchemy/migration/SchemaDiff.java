package dev.alchemy.migration;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.schema.Inspector;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The differences between the tables of a {@link MetaData} (the models) and a live database, as the operations
 * that would make the database match the models: Alembic's autogenerate ({@code compare_metadata}). The database
 * is read through the {@link Inspector}; nothing is changed. Render the operations as SQL with
 * {@link MigrationScript#render(SchemaDiff)}.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.compare(Base.of(User.class).metadata(), engine);
 * if (!diff.isEmpty()) {
 *     diff.summary().forEach(System.out::println);   // add column users.phone VARCHAR(20)
 *     String upgrade = MigrationScript.render(diff).sql();
 *     String downgrade = MigrationScript.render(diff.reverse()).sql();
 * }
 * }</pre>
 *
 * <p>What is compared: tables (added, dropped); per table, columns (added, dropped, type as the dialect's DDL writes
 * it, nullability, server default), the primary key, UNIQUE constraints and indexes (matched by their columns, so
 * an unnamed one matches whatever the database called it), foreign keys and CHECK constraints. Renames are never
 * guessed: a renamed column is a drop and an add, which the script flags for review. The history tables of Flyway
 * and Liquibase are never reported; see {@link DiffOptions} for the rest.
 */
public final class SchemaDiff {

    private final Dialect dialect;
    private final List<MigrationOp> operations;
    private final Map<String, TableDef> database;

    SchemaDiff(Dialect dialect, List<MigrationOp> operations, Map<String, TableDef> database) {
        this.dialect = dialect;
        this.operations = List.copyOf(operations);
        this.database = Collections.unmodifiableMap(new LinkedHashMap<>(database));
    }

    /**
     * Compares the models with the engine's database, every table of the default schema.
     *
     * @param metadata the models' tables
     * @param engine the database
     * @return the differences
     */
    public static SchemaDiff compare(MetaData metadata, Engine engine) {
        return compare(metadata, engine, DiffOptions.defaults());
    }

    /**
     * Compares the models with the engine's database, on one connection.
     *
     * @param metadata the models' tables
     * @param engine the database
     * @param options which tables to compare
     * @return the differences
     */
    public static SchemaDiff compare(MetaData metadata, Engine engine, DiffOptions options) {
        Objects.requireNonNull(engine, "engine");
        try (Connection connection = engine.connect()) {
            return compare(metadata, connection, options);
        }
    }

    /**
     * Compares the models with the database of an open connection (which sees its own uncommitted DDL).
     *
     * @param metadata the models' tables
     * @param connection the connection
     * @param options which tables to compare
     * @return the differences
     */
    public static SchemaDiff compare(MetaData metadata, Connection connection, DiffOptions options) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(options, "options");
        Dialect dialect = Dialect.of(connection.engine());
        Inspector inspector = Inspector.of(connection);
        String schema = options.schema();
        Map<String, TableDef> database = new LinkedHashMap<>();
        for (String name : inspector.tableNames(schema)) {
            if (!DiffOptions.MIGRATION_TOOL_TABLES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                database.put(name, DatabaseReader.read(inspector, dialect.name(), schema, name));
            }
        }
        List<MigrationOp> ops = new ArrayList<>();
        List<String> modelNames = new ArrayList<>();
        TableComparer comparer = new TableComparer(dialect.name());
        for (Table table : metadata.sortedTables()) {
            if (!Objects.equals(table.schema(), schema) || !options.includes(table.name())) {
                continue;
            }
            modelNames.add(table.name());
            TableDef model = ModelReader.read(table, dialect);
            TableDef existing = database.get(table.name());
            if (existing == null) {
                ops.add(new MigrationOp.CreateTable(model));
            } else {
                List<TableChange> changes = comparer.compare(existing, model);
                if (!changes.isEmpty()) {
                    ops.add(new MigrationOp.ModifyTable(existing, model, changes));
                }
            }
        }
        List<TableDef> dropped = new ArrayList<>();
        for (TableDef t : database.values()) {
            if (!modelNames.contains(t.name()) && options.includes(t.name())) {
                dropped.add(t);
            }
        }
        for (TableDef t : dropOrder(dropped)) {
            ops.add(new MigrationOp.DropTable(t));
        }
        return new SchemaDiff(dialect, ops, database);
    }

    /** Tables referred to by other dropped tables go after them. */
    private static List<TableDef> dropOrder(List<TableDef> tables) {
        List<TableDef> remaining = new ArrayList<>(tables);
        List<TableDef> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            TableDef next = remaining.stream()
                    .filter(t -> remaining.stream()
                            .noneMatch(o -> o != t
                                    && o.foreignKeys().stream()
                                            .anyMatch(f -> f.referredSchema() == null
                                                    && f.referredTable().equals(t.name()))))
                    .findFirst()
                    .orElse(remaining.get(0)); // a cycle: any order, the script defers the checks
            remaining.remove(next);
            ordered.add(next);
        }
        return ordered;
    }

    /** @return the operations, in the order found: the models' tables in dependency order, then dropped tables */
    public List<MigrationOp> operations() {
        return operations;
    }

    /** @return whether the database matches the models */
    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** @return the dialect of the database compared, for which scripts are rendered */
    public Dialect dialect() {
        return dialect;
    }

    /** @return every table of the database as it was read (without the migration tools' tables), by name */
    public Map<String, TableDef> databaseTables() {
        return database;
    }

    /**
     * The diff that undoes this one, for a downgrade script: each operation reversed, in reverse order, against the
     * database as this diff leaves it.
     *
     * @return the reversed diff
     */
    public SchemaDiff reverse() {
        Map<String, TableDef> after = new LinkedHashMap<>(database);
        for (MigrationOp op : operations) {
            if (op instanceof MigrationOp.DropTable d) {
                after.remove(d.table().name());
            } else {
                after.put(op.table().name(), op.table());
            }
        }
        List<MigrationOp> reversed = new ArrayList<>();
        for (MigrationOp op : operations) {
            reversed.add(op.reverse());
        }
        Collections.reverse(reversed);
        return new SchemaDiff(dialect, reversed, after);
    }

    /** @return one line per difference, e.g. {@code add column users.phone VARCHAR(20)} */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (MigrationOp op : operations) {
            lines.addAll(op.describe());
        }
        return lines;
    }

    @Override
    public String toString() {
        return isEmpty() ? "SchemaDiff[no differences]" : "SchemaDiff" + summary();
    }
}
