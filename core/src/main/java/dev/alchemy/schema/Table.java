package dev.alchemy.schema;

import dev.alchemy.engine.Engine;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.sql.ColumnClause;
import dev.alchemy.sql.ForeignKeyColumns;
import dev.alchemy.sql.TableClause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A table in a {@link MetaData}: its columns, constraints and indexes, like SQLAlchemy's {@code Table}. The
 * definition is checked when the table is built: every constraint and index must name columns of the table, and
 * errors name the table and the column.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = Table.of("users", metadata,
 *         Column.of("id", INTEGER).primaryKey(),
 *         Column.of("name", VARCHAR),
 *         Column.of("email", VARCHAR));
 * metadata.createAll(engine);
 * }</pre>
 */
public final class Table extends TableClause {

    private final MetaData metadata;
    private final List<Column<?>> columns;
    private final List<Column<?>> primaryKey;
    private final @Nullable PrimaryKeyConstraint primaryKeyConstraint;
    private final List<Constraint> constraints;
    private final List<Index> indexes;
    private final List<ForeignKeyConstraint> foreignKeys;
    private final List<UniqueConstraint> uniqueConstraints;
    private final @Nullable Column<?> autoincrementColumn;

    private Table(String name, @Nullable String schema, MetaData metadata, SchemaItem... items) {
        super(name, schema);
        if (name.isBlank()) {
            throw new ArgumentError("a table needs a non-empty name");
        }
        this.metadata = metadata;
        List<Column<?>> given = new ArrayList<>();
        List<Constraint> explicit = new ArrayList<>();
        List<Index> idx = new ArrayList<>();
        PrimaryKeyConstraint pk = null;
        for (SchemaItem item : items) {
            Objects.requireNonNull(item, () -> "an item of table '" + name + "' is null");
            if (item instanceof Column<?> c) {
                given.add(c);
            } else if (item instanceof PrimaryKeyConstraint p) {
                if (pk != null) {
                    throw new ArgumentError("table '" + name + "' has two primary key constraints: " + pk.columns()
                            + " and " + p.columns());
                }
                pk = p;
            } else if (item instanceof Constraint c) {
                explicit.add(c);
            } else if (item instanceof Index i) {
                idx.add(i);
            }
        }
        if (given.isEmpty()) {
            throw new ArgumentError("table '" + name + "' needs at least one column");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Column<?> c : given) {
            if (!names.add(c.name())) {
                throw new ArgumentError("table '" + name + "' has two columns named '" + c.name() + "'");
            }
        }
        Set<String> pkNames = primaryKeyNames(name, given, pk, names);
        List<Column<?>> cols = new ArrayList<>();
        for (Column<?> c : given) {
            cols.add(c.attachTo(this, pkNames.contains(c.name())));
        }
        initColumns(cols);
        this.columns = Collections.unmodifiableList(cols);

        List<Column<?>> key = new ArrayList<>();
        for (String n : pkNames) {
            key.add(column(n));
        }
        this.primaryKey = List.copyOf(key);
        this.primaryKeyConstraint =
                pk != null ? pk : key.isEmpty() ? null : new PrimaryKeyConstraint(null, List.copyOf(pkNames));

        // SQLAlchemy's order: the primary key, then constraints given to the table (made before it), then those
        // that come from column shortcuts, in column order (a column's UNIQUE before its FOREIGN KEY)
        List<Constraint> all = new ArrayList<>();
        if (primaryKeyConstraint != null) {
            all.add(primaryKeyConstraint);
        }
        all.addAll(explicit);
        List<Index> columnIndexes = new ArrayList<>();
        for (Column<?> c : cols) {
            if (c.isIndexed()) {
                // SQLAlchemy's "ix_%(column_0_label)s": the label includes the schema, ix_inventory_items_name
                String label = (schema == null ? "" : schema.replace('.', '_') + "_") + name + "_" + c.name();
                columnIndexes.add(new Index("ix_" + label, List.of(c.name()), c.isUnique()));
            } else if (c.isUnique()) {
                all.add(new UniqueConstraint(null, List.of(c.name())));
            }
            ForeignKey fk = c.foreignKey();
            if (fk != null) {
                if (!ForeignKey.isWellFormed(fk.target())) {
                    throw new ArgumentError("the foreign key of column '" + name + "." + c.name()
                            + "' must name its target as 'table.column' (or 'schema.table.column'), got '"
                            + fk.target() + "'");
                }
                all.add(new ForeignKeyConstraint(
                        fk.name(),
                        List.of(c.name()),
                        fk.targetTable(),
                        List.of(fk.targetColumn()),
                        fk.onDelete(),
                        fk.onUpdate(),
                        fk.useAlter()));
            }
        }
        this.constraints = List.copyOf(all);
        this.foreignKeys = filtered(ForeignKeyConstraint.class);
        this.uniqueConstraints = filtered(UniqueConstraint.class);
        idx.addAll(columnIndexes);
        this.indexes = List.copyOf(idx);
        for (Constraint c : explicit) {
            if (c instanceof UniqueConstraint u) {
                checkColumns(u.columns(), "unique constraint" + named(u.name()));
            } else if (c instanceof ForeignKeyConstraint f) {
                checkColumns(f.columns(), "foreign key" + named(f.name()));
            }
        }
        for (Index i : idx) {
            checkColumns(i.columns(), "index '" + i.name() + "'");
        }
        this.autoincrementColumn = Autoincrement.of(name, primaryKey);
        for (Column<?> c : cols) {
            if (Boolean.TRUE.equals(c.autoincrementSetting()) && !c.isPrimaryKey()) {
                throw new ArgumentError("column '" + name + "." + c.name()
                        + "' is marked autoincrement(true) but is not part of the primary key");
            }
        }
        metadata.add(this);
    }

    private static Set<String> primaryKeyNames(
            String table, List<Column<?>> given, @Nullable PrimaryKeyConstraint pk, Set<String> names) {
        Set<String> flagged = new LinkedHashSet<>();
        for (Column<?> c : given) {
            if (c.isPrimaryKey()) {
                flagged.add(c.name());
            }
        }
        if (pk == null) {
            return flagged;
        }
        Set<String> declared = new LinkedHashSet<>();
        for (String n : pk.columns()) {
            if (!names.contains(n)) {
                throw new ArgumentError("the primary key constraint of table '" + table + "' names column '" + n
                        + "', which the table does not have; its columns: " + names);
            }
            if (!declared.add(n)) {
                throw new ArgumentError(
                        "the primary key constraint of table '" + table + "' names column '" + n + "' twice");
            }
        }
        for (String n : flagged) {
            if (!declared.contains(n)) {
                throw new ArgumentError("column '" + table + "." + n + "' is marked primaryKey() but the table's "
                        + "primary key constraint names " + pk.columns() + "; name it there too, or remove one");
            }
        }
        return declared;
    }

    private static String named(@Nullable String name) {
        return name == null ? "" : " '" + name + "'";
    }

    private void checkColumns(List<String> names, String what) {
        for (String n : names) {
            if (!hasColumn(n)) {
                throw new ArgumentError(what + " of table '" + name() + "' names column '" + n
                        + "', which the table does not have; its columns: "
                        + columns.stream().map(Column::name).toList());
            }
        }
    }

    private Column<?> column(String name) {
        return (Column<?>) super.c(name);
    }

    /**
     * Defines a table and adds it to a MetaData.
     *
     * @param name the table's name
     * @param metadata the MetaData it belongs to
     * @param items its columns, constraints and indexes
     * @return the table
     * @throws ArgumentError when the MetaData already has a table of that name, two columns share a name, or a
     *     constraint or index names an unknown column
     */
    public static Table of(String name, MetaData metadata, SchemaItem... items) {
        return new Table(
                Objects.requireNonNull(name, "name"), null, Objects.requireNonNull(metadata, "metadata"), items);
    }

    /**
     * Defines a table in a database schema (PostgreSQL's {@code schema.table}).
     *
     * @param schema the schema's name
     * @param name the table's name
     * @param metadata the MetaData it belongs to
     * @param items its columns, constraints and indexes
     * @return the table
     */
    public static Table inSchema(String schema, String name, MetaData metadata, SchemaItem... items) {
        return new Table(
                Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(schema, "schema"),
                Objects.requireNonNull(metadata, "metadata"),
                items);
    }

    /** @return the MetaData this table belongs to */
    public MetaData metadata() {
        return metadata;
    }

    @Override
    public List<Column<?>> columns() {
        return columns;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Column<Object> c(String name) {
        return (Column<Object>) super.c(name);
    }

    /**
     * A column by name with its Java type checked.
     *
     * @param name the column's name
     * @param javaType the Java type of its values
     * @param <T> that type
     * @return the column
     * @throws ArgumentError when the column has another Java type
     */
    @SuppressWarnings("unchecked")
    public <T> Column<T> c(String name, Class<T> javaType) {
        Column<?> column = c(name);
        if (!javaType.isAssignableFrom(column.type().javaType())) {
            throw new ArgumentError("column '" + this.name() + "." + name + "' holds "
                    + column.type().javaType().getSimpleName() + ", not " + javaType.getSimpleName());
        }
        return (Column<T>) column;
    }

    /** @return the primary key columns, in key order (the {@link PrimaryKeyConstraint}'s, or else table order) */
    public List<Column<?>> primaryKey() {
        return primaryKey;
    }

    /** @return the primary key as a constraint (with its name, if given), or null when the table has none */
    public @Nullable PrimaryKeyConstraint primaryKeyConstraint() {
        return primaryKeyConstraint;
    }

    /**
     * The column whose values the database generates (SQLAlchemy's {@code autoincrement_column}): by default the
     * only primary key column when it is an integer without foreign key or default; see
     * {@link Column#autoincrement(boolean)}.
     *
     * @return the column, or null
     */
    public @Nullable Column<?> autoincrementColumn() {
        return autoincrementColumn;
    }

    /**
     * Every table-level constraint in the order CREATE TABLE lists them: the primary key, then the constraints given
     * to {@link #of}, then those from column shortcuts ({@link Column#unique()}, {@link Column#references}) in column
     * order. Inline column checks ({@link Column#check(String)}) belong to their column and are not listed.
     *
     * @return the constraints
     */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** @return the indexes: those given to {@link #of}, then those of indexed columns ({@code ix_<table>_<col>}) */
    public List<Index> indexes() {
        return indexes;
    }

    /**
     * Every foreign key of the table: the {@link ForeignKeyConstraint}s and those declared on columns, in
     * {@link #constraints()} order.
     *
     * @return the foreign keys as constraints
     */
    public List<ForeignKeyConstraint> foreignKeys() {
        return foreignKeys;
    }

    /** @return the unique constraints (not unique indexes), in {@link #constraints()} order */
    public List<UniqueConstraint> uniqueConstraints() {
        return uniqueConstraints;
    }

    private <C> List<C> filtered(Class<C> type) {
        List<C> list = new ArrayList<>();
        for (Constraint c : constraints) {
            if (type.isInstance(c)) {
                list.add(type.cast(c));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Adds the Java-side defaults ({@link Column#defaultValue}, {@link Column#defaultSupplier}) of the columns that
     * an INSERT's values leave out, as SQLAlchemy does when it executes an INSERT; suppliers run once per call.
     *
     * @param values the values by column name
     * @return a new map: the given values, then a default for each column that has one and is not given
     * @throws ArgumentError when a key is not a column of this table
     */
    public Map<String, @Nullable Object> withDefaults(Map<String, ? extends @Nullable Object> values) {
        Map<String, @Nullable Object> all = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends @Nullable Object> e : values.entrySet()) {
            c(e.getKey());
            all.put(e.getKey(), e.getValue());
        }
        for (Column<?> c : columns) {
            if (c.hasDefault() && !all.containsKey(c.name())) {
                all.put(c.name(), c.evaluateDefault());
            }
        }
        return all;
    }

    /**
     * Creates this table and its indexes, like SQLAlchemy's {@code table.create(engine)}: without checking first, so
     * an existing table is an error.
     *
     * @param engine the engine
     */
    public void create(Engine engine) {
        create(engine, false);
    }

    /**
     * Creates this table and its indexes in one transaction.
     *
     * @param engine the engine
     * @param checkFirst do nothing when the table exists
     */
    public void create(Engine engine, boolean checkFirst) {
        SchemaRunner.create(engine, metadata, List.of(this), checkFirst, true);
    }

    /**
     * Drops this table, like SQLAlchemy's {@code table.drop(engine)}: without checking first.
     *
     * @param engine the engine
     */
    public void drop(Engine engine) {
        drop(engine, false);
    }

    /**
     * Drops this table.
     *
     * @param engine the engine
     * @param checkFirst do nothing when the table does not exist
     */
    public void drop(Engine engine, boolean checkFirst) {
        SchemaRunner.drop(engine, metadata, List.of(this), checkFirst);
    }

    /**
     * @param engine the engine
     * @return whether the table exists in the database
     */
    public boolean exists(Engine engine) {
        return SchemaRunner.exists(engine, this);
    }

    /**
     * The foreign keys as column pairs, for joins without an ON clause ({@code users.join(addresses)}). Referred
     * tables are looked up in this table's MetaData; a foreign key to a table not (yet) in it is left out.
     *
     * @return one entry per foreign key
     */
    @Override
    public List<ForeignKeyColumns> foreignKeyColumns() {
        List<ForeignKeyColumns> result = new ArrayList<>();
        for (ForeignKeyConstraint fk : foreignKeys()) {
            Table referred = metadata.table(fk.referredTable());
            if (referred == null && schema() != null && fk.referredTable().indexOf('.') < 0) {
                referred = metadata.table(schema() + "." + fk.referredTable());
            }
            if (referred == null) {
                continue;
            }
            List<ColumnClause<?>> local = new ArrayList<>();
            List<ColumnClause<?>> remote = new ArrayList<>();
            for (int i = 0; i < fk.columns().size(); i++) {
                local.add(c(fk.columns().get(i)));
                remote.add(referred.c(fk.referredColumns().get(i)));
            }
            result.add(new ForeignKeyColumns(local, remote));
        }
        return result;
    }

    /** @return the name with its schema, {@code schema.table} or {@code table} */
    public String fullName() {
        return schema() == null ? name() : schema() + "." + name();
    }
}
