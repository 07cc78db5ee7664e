package dev.alchemy.schema;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A collection of tables that can be created and dropped together, like SQLAlchemy's {@code MetaData}.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = Table.of("users", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("name", VARCHAR));
 * metadata.createAll(engine);   // CREATE TABLE for each table that does not exist yet, parents first
 * metadata.dropAll(engine);     // DROP TABLE for each table that exists, children first
 * }</pre>
 */
public final class MetaData {

    private final Map<String, Table> tables = Collections.synchronizedMap(new LinkedHashMap<>());

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

    /** @return the tables, in the order they were defined */
    public List<Table> tables() {
        synchronized (tables) {
            return List.copyOf(tables.values());
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
     * The tables ordered so that every table comes after the tables its foreign keys refer to (SQLAlchemy's
     * {@code sorted_tables}). Tables in a cycle keep their definition order.
     *
     * @return the sorted tables
     * @throws ArgumentError when a foreign key refers to a table not in this MetaData
     */
    public List<Table> sortedTables() {
        List<Table> all = tables();
        Set<Table> done = new LinkedHashSet<>();
        Set<Table> visiting = new LinkedHashSet<>();
        for (Table t : all) {
            visit(t, done, visiting);
        }
        return new ArrayList<>(done);
    }

    private void visit(Table table, Set<Table> done, Set<Table> visiting) {
        if (done.contains(table) || !visiting.add(table)) {
            return;
        }
        for (ForeignKeyConstraint fk : table.foreignKeys()) {
            Table target = tables.get(fk.referredTable());
            if (target == null) {
                throw new ArgumentError("foreign key " + fk.columns() + " of table '" + table.fullName()
                        + "' refers to table '" + fk.referredTable()
                        + "', which is not in this MetaData; known tables: " + tables.keySet());
            }
            if (target != table) {
                visit(target, done, visiting);
            }
        }
        visiting.remove(table);
        done.add(table);
    }

    /**
     * Creates every table that does not exist yet, with its indexes, parents before children, in one transaction
     * (SQLAlchemy's {@code create_all} with {@code checkfirst=True}).
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
        create(engine, sortedTables(), checkFirst);
    }

    /**
     * Creates some of the tables (in foreign-key order), like {@code create_all(tables=[...])}.
     *
     * @param engine the engine
     * @param tables the tables
     * @param checkFirst skip tables that exist already
     */
    public void create(Engine engine, Collection<Table> tables, boolean checkFirst) {
        Objects.requireNonNull(engine, "engine");
        List<Table> sorted = sortedTables();
        sorted.retainAll(tables);
        Dialect dialect = Dialect.of(engine);
        engine.useTransaction(conn -> {
            Set<Table> existing = checkFirst ? existing(conn, dialect, sorted) : Set.of();
            for (Table table : sorted) {
                if (!existing.contains(table)) {
                    conn.execute(DDL.createTable(table, dialect));
                    for (Index index : table.indexes()) {
                        conn.execute(DDL.createIndex(table, index, dialect));
                    }
                }
            }
        });
    }

    /**
     * Drops every table that exists, children before parents, in one transaction.
     *
     * @param engine the engine
     */
    public void dropAll(Engine engine) {
        drop(engine, tables(), true);
    }

    /**
     * Drops some of the tables, children before parents.
     *
     * @param engine the engine
     * @param tables the tables
     * @param checkFirst skip tables that do not exist
     */
    public void drop(Engine engine, Collection<Table> tables, boolean checkFirst) {
        Objects.requireNonNull(engine, "engine");
        List<Table> sorted = sortedTables();
        sorted.retainAll(tables);
        Collections.reverse(sorted);
        Dialect dialect = Dialect.of(engine);
        engine.useTransaction(conn -> {
            Set<Table> existing = checkFirst ? existing(conn, dialect, sorted) : new LinkedHashSet<>(sorted);
            for (Table table : sorted) {
                if (existing.contains(table)) {
                    conn.execute(DDL.dropTable(table, dialect));
                }
            }
        });
    }

    private Set<Table> existing(Connection conn, Dialect dialect, List<Table> candidates) {
        // checked in definition order, as SQLAlchemy does
        Set<Table> existing = new LinkedHashSet<>();
        for (Table table : tables()) {
            if (candidates.contains(table) && dialect.hasTable(conn, table.schema(), table.name())) {
                existing.add(table);
            }
        }
        return existing;
    }

    @Override
    public String toString() {
        return "MetaData" + tables.keySet();
    }
}
