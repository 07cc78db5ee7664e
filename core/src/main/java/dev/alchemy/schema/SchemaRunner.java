package dev.alchemy.schema;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.ReflectedForeignKey;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.exc.InvalidRequestError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Runs CREATE and DROP for a set of tables in one transaction, as SQLAlchemy's {@code SchemaGenerator} and
 * {@code SchemaDropper} do: check which tables exist (in MetaData order), sort the rest by foreign keys, then
 * execute. A failing statement rolls the whole transaction back, so on databases with transactional DDL (SQLite,
 * PostgreSQL) nothing of a failed {@code createAll} remains.
 */
final class SchemaRunner {

    private SchemaRunner() {}

    /**
     * @param inline keep every foreign key in CREATE TABLE, as SQLAlchemy's {@code table.create()} does; otherwise
     *     those of cycles and {@code useAlter} ones are added by ALTER TABLE where the dialect can
     */
    static void create(Engine engine, MetaData metadata, Collection<Table> tables, boolean checkFirst, boolean inline) {
        create(engine, metadata, tables, List.of(), checkFirst, inline);
    }

    /** As above, creating the sequences first (where the database has sequences), so that columns may use them. */
    static void create(
            Engine engine,
            MetaData metadata,
            Collection<Table> tables,
            List<Sequence> sequences,
            boolean checkFirst,
            boolean inline) {
        Objects.requireNonNull(engine, "engine");
        Dialect dialect = Dialect.of(engine);
        List<Table> candidates = inMetadataOrder(metadata, tables);
        engine.useTransaction(conn -> {
            if (dialect.supportsSequences()) {
                for (Sequence sequence : sequences) {
                    if (!checkFirst || !dialect.hasSequence(conn, sequence.schema(), sequence.name())) {
                        conn.execute(DDL.createSequence(sequence, dialect));
                    }
                }
            }
            create(conn, dialect, candidates, checkFirst, inline);
        });
    }

    static void create(Connection conn, Dialect dialect, List<Table> candidates, boolean checkFirst, boolean inline) {
        List<Table> toCreate = new ArrayList<>();
        for (Table t : candidates) {
            if (!checkFirst || !dialect.hasTable(conn, t.schema(), t.name())) {
                toCreate.add(t);
            }
        }
        TableSorter.Sorted sorted = TableSorter.sort(toCreate, true);
        // without ALTER (SQLite) every foreign key stays in CREATE TABLE, as in SQLAlchemy's visit_table
        List<TableSorter.TableForeignKey> later = dialect.supportsAlter() && !inline ? sorted.apart() : List.of();
        for (Table t : sorted.tables()) {
            List<ForeignKeyConstraint> omitted = new ArrayList<>();
            for (TableSorter.TableForeignKey fk : later) {
                if (fk.table() == t) {
                    omitted.add(fk.foreignKey());
                }
            }
            conn.execute(DDL.createTable(t, dialect, omitted));
            for (Index index : t.indexes()) {
                conn.execute(DDL.createIndex(t, index, dialect));
            }
        }
        for (TableSorter.TableForeignKey fk : later) {
            conn.execute(DDL.addConstraint(fk.table(), fk.foreignKey(), dialect));
        }
    }

    static void drop(Engine engine, MetaData metadata, Collection<Table> tables, boolean checkFirst) {
        drop(engine, metadata, tables, List.of(), checkFirst);
    }

    /** As above, dropping the sequences after the tables that may use them. */
    static void drop(
            Engine engine, MetaData metadata, Collection<Table> tables, List<Sequence> sequences, boolean checkFirst) {
        Objects.requireNonNull(engine, "engine");
        Dialect dialect = Dialect.of(engine);
        List<Table> candidates = inMetadataOrder(metadata, tables);
        engine.useTransaction(conn -> {
            drop(conn, dialect, candidates, checkFirst);
            if (dialect.supportsSequences()) {
                for (Sequence sequence : sequences) {
                    if (!checkFirst || dialect.hasSequence(conn, sequence.schema(), sequence.name())) {
                        conn.execute(DDL.dropSequence(sequence, dialect));
                    }
                }
            }
        });
    }

    static void drop(Connection conn, Dialect dialect, List<Table> candidates, boolean checkFirst) {
        List<Table> toDrop = new ArrayList<>();
        for (Table t : candidates) {
            if (!checkFirst || dialect.hasTable(conn, t.schema(), t.name())) {
                toDrop.add(t);
            }
        }
        TableSorter.Sorted sorted = TableSorter.sort(toDrop, false);
        if (!sorted.cycles().isEmpty()) {
            if (dialect.supportsAlter()) {
                for (TableSorter.TableForeignKey fk : sorted.apart()) {
                    String name = databaseName(conn, dialect, fk);
                    if (name != null) {
                        conn.execute(DDL.dropConstraint(fk.table(), name, dialect));
                    }
                }
            } else {
                dialect.deferForeignKeyChecks(conn);
            }
        }
        List<Table> order = new ArrayList<>(sorted.tables());
        Collections.reverse(order);
        for (Table t : order) {
            conn.execute(DDL.dropTable(t, dialect));
        }
    }

    /** The constraint's own name, or else the one the database gave it (null when it is not there). */
    private static @org.jspecify.annotations.Nullable String databaseName(
            Connection conn, Dialect dialect, TableSorter.TableForeignKey tfk) {
        ForeignKeyConstraint fk = tfk.foreignKey();
        if (fk.name() != null) {
            return fk.name();
        }
        Table table = tfk.table();
        Table target = TableSorter.resolve(table, fk);
        for (ReflectedForeignKey r : dialect.reflector().foreignKeys(conn, table.schema(), table.name())) {
            if (r.columns().equals(fk.columns())
                    && r.referredTable().equals(target.name())
                    && r.referredColumns().equals(fk.referredColumns())) {
                return r.name();
            }
        }
        return null;
    }

    static boolean exists(Engine engine, Table table) {
        Dialect dialect = Dialect.of(engine);
        try (Connection conn = engine.connect()) {
            return dialect.hasTable(conn, table.schema(), table.name());
        }
    }

    private static List<Table> inMetadataOrder(MetaData metadata, Collection<Table> tables) {
        List<Table> list = new ArrayList<>();
        for (Table t : tables) {
            if (t.metadata() != metadata) {
                throw new InvalidRequestError("table '" + t.fullName() + "' belongs to another MetaData");
            }
        }
        for (Table t : metadata.tables()) {
            if (tables.contains(t)) {
                list.add(t);
            }
        }
        return list;
    }
}
