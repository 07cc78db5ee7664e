package dev.alchemy.schema;

import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection of tables that can be created and dropped together, like SQLAlchemy's {@code MetaData}.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = Table.of("users", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("name", VARCHAR));
 * metadata.createAll(engine);   // CREATE TABLE for each table that does not exist yet, parents first
 * metadata.dropAll(engine);     // DROP TABLE for each table that exists, children first
 * }</pre>
 *
 * <p>Safe to read from several threads once its tables are defined.
 */
public final class MetaData {

    private static final Logger LOG = LoggerFactory.getLogger(MetaData.class);

    private final Map<String, Table> tables = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Sequence> sequences = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean cycleReported;

    /** Creates an empty MetaData. */
    public MetaData() {}

    void add(Table table) {
        synchronized (tables) {
            if (tables.containsKey(table.fullName())) {
                throw new ArgumentError("table '" + table.fullName() + "' is already defined in this MetaData");
            }
            tables.put(table.fullName(), table);
        }
    }

    void add(Sequence sequence) {
        synchronized (sequences) {
            if (sequences.containsKey(sequence.fullName())) {
                throw new ArgumentError("sequence '" + sequence.fullName() + "' is already defined in this MetaData");
            }
            sequences.put(sequence.fullName(), sequence);
        }
    }

    /** @return the sequences ({@link Sequence}), in the order they were defined */
    public List<Sequence> sequences() {
        synchronized (sequences) {
            return List.copyOf(sequences.values());
        }
    }

    /** @return the tables, in the order they were defined */
    public List<Table> tables() {
        synchronized (tables) {
            return List.copyOf(tables.values());
        }
    }

    /** @return the tables' names ({@code schema.table} for one in a schema), in the order they were defined */
    public List<String> tableNames() {
        synchronized (tables) {
            return List.copyOf(tables.keySet());
        }
    }

    /**
     * @param name a table's name ({@code schema.table} for one in a schema)
     * @return the table, or null
     */
    public @Nullable Table table(String name) {
        return tables.get(name);
    }

    /**
     * The tables ordered so that every table comes after the tables its foreign keys refer to, ties broken by name
     * (SQLAlchemy's {@code sorted_tables}). Foreign keys marked {@code useAlter} do not count; tables whose foreign
     * keys form a cycle are ordered as if those keys were absent (and a warning is logged once).
     *
     * @return the sorted tables
     * @throws dev.alchemy.exc.NoReferencedTableError when a foreign key refers to a table not in this MetaData
     * @throws dev.alchemy.exc.NoReferencedColumnError when it refers to a column its table does not have
     */
    public List<Table> sortedTables() {
        List<Table> byName = new ArrayList<>(tables());
        byName.sort(Comparator.comparing(Table::fullName));
        TableSorter.Sorted sorted = TableSorter.sort(byName, true);
        if (!sorted.cycles().isEmpty() && !cycleReported) {
            cycleReported = true;
            for (List<Table> cycle : sorted.cycles()) {
                LOG.warn(
                        "Cannot correctly sort tables; there are unresolvable cycles between tables \"{}\", which is"
                                + " usually caused by mutually dependent foreign key constraints. Foreign key"
                                + " constraints involving these tables will not be considered for the order.",
                        TableSorter.describe(cycle));
            }
        }
        return new ArrayList<>(sorted.tables());
    }

    /**
     * Creates every sequence and table that does not exist yet, the tables with their indexes, parents before
     * children, in one transaction (SQLAlchemy's {@code create_all} with {@code checkfirst=True}). Sequences come first,
     * so that a column's default may use one; a database without sequences (SQLite) skips them. Foreign keys that form a cycle (or are marked
     * {@code useAlter}) are added afterwards with {@code ALTER TABLE} where the database can; SQLite keeps them in
     * CREATE TABLE, which it accepts before the referred table exists.
     *
     * @param engine the engine
     */
    public void createAll(Engine engine) {
        createAll(engine, true);
    }

    /**
     * Creates the tables, in one transaction.
     *
     * @param engine the engine
     * @param checkFirst skip tables that exist already
     */
    public void createAll(Engine engine, boolean checkFirst) {
        SchemaRunner.create(engine, this, tables(), sequences(), checkFirst, false);
    }

    /**
     * Creates some of the tables (in foreign-key order), like {@code create_all(tables=[...])}.
     *
     * @param engine the engine
     * @param tables the tables, all of this MetaData
     * @param checkFirst skip tables that exist already
     */
    public void create(Engine engine, Collection<Table> tables, boolean checkFirst) {
        SchemaRunner.create(engine, this, Objects.requireNonNull(tables, "tables"), List.of(), checkFirst, false);
    }

    /**
     * Drops every table that exists, children before parents, then every sequence, in one transaction (SQLAlchemy's
     * {@code drop_all}).
     *
     * @param engine the engine
     */
    public void dropAll(Engine engine) {
        dropAll(engine, true);
    }

    /**
     * Drops the tables, in one transaction.
     *
     * @param engine the engine
     * @param checkFirst skip tables that do not exist
     */
    public void dropAll(Engine engine, boolean checkFirst) {
        SchemaRunner.drop(engine, this, tables(), sequences(), checkFirst);
    }

    /**
     * Drops some of the tables, children before parents, like {@code drop_all(tables=[...])}.
     *
     * @param engine the engine
     * @param tables the tables, all of this MetaData
     * @param checkFirst skip tables that do not exist
     */
    public void drop(Engine engine, Collection<Table> tables, boolean checkFirst) {
        SchemaRunner.drop(engine, this, Objects.requireNonNull(tables, "tables"), List.of(), checkFirst);
    }

    @Override
    public String toString() {
        return "MetaData" + tableNames();
    }
}
