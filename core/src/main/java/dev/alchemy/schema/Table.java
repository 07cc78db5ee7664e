package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.sql.TableClause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A table in a {@link MetaData}: its columns, constraints and indexes, like SQLAlchemy's {@code Table}.
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
    private final List<Constraint> constraints;
    private final List<Index> indexes;

    private Table(String name, @Nullable String schema, MetaData metadata, SchemaItem... items) {
        super(name, schema);
        this.metadata = metadata;
        List<Column<?>> cols = new ArrayList<>();
        List<Constraint> cons = new ArrayList<>();
        List<Index> idx = new ArrayList<>();
        for (SchemaItem item : items) {
            Objects.requireNonNull(item, "table item");
            if (item instanceof Column<?> c) {
                cols.add(c.attachTo(this));
            } else if (item instanceof Constraint c) {
                cons.add(c);
            } else if (item instanceof Index i) {
                idx.add(i);
            }
        }
        if (cols.isEmpty()) {
            throw new ArgumentError("table '" + name + "' needs at least one column");
        }
        initColumns(cols);
        this.columns = Collections.unmodifiableList(cols);
        this.primaryKey = cols.stream().filter(Column::isPrimaryKey).toList();
        for (Column<?> c : cols) {
            if (c.isIndexed()) {
                idx.add(new Index("ix_" + name + "_" + c.name(), List.of(c.name()), c.isUnique()));
            }
        }
        this.constraints = List.copyOf(cons);
        this.indexes = List.copyOf(idx);
        for (Constraint c : cons) {
            List<String> names = c instanceof UniqueConstraint u
                    ? u.columns()
                    : c instanceof ForeignKeyConstraint f ? f.columns() : List.of();
            names.forEach(this::c);
        }
        for (Index i : idx) {
            i.columns().forEach(this::c);
        }
        metadata.add(this);
    }

    /**
     * Defines a table and adds it to a MetaData.
     *
     * @param name the table's name
     * @param metadata the MetaData it belongs to
     * @param items its columns, constraints and indexes
     * @return the table
     * @throws ArgumentError when the MetaData already has a table of that name, or an item names an unknown column
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
        return new Table(name, Objects.requireNonNull(schema, "schema"), metadata, items);
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

    /** @return the primary key columns, in table order */
    public List<Column<?>> primaryKey() {
        return primaryKey;
    }

    /** @return the constraints declared on their own, in declaration order */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** @return the indexes, explicit ones first, then those of indexed columns */
    public List<Index> indexes() {
        return indexes;
    }

    /**
     * Every foreign key of the table: those declared on columns and the {@link ForeignKeyConstraint}s.
     *
     * @return the foreign keys as constraints
     */
    public List<ForeignKeyConstraint> foreignKeys() {
        List<ForeignKeyConstraint> list = new ArrayList<>();
        for (Constraint c : constraints) {
            if (c instanceof ForeignKeyConstraint f) {
                list.add(f);
            }
        }
        for (Column<?> c : columns) {
            ForeignKey fk = c.foreignKey();
            if (fk != null) {
                list.add(new ForeignKeyConstraint(
                        null,
                        List.of(c.name()),
                        fk.targetTable(),
                        List.of(fk.targetColumn()),
                        fk.onDelete(),
                        fk.onUpdate()));
            }
        }
        return list;
    }

    /** @return the name with its schema, {@code schema.table} or {@code table} */
    public String fullName() {
        return schema() == null ? name() : schema() + "." + name();
    }
}
