package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named FROM clause with columns: a table, as far as SQL needs to know (the schema's {@code Table} extends it with
 * constraints and DDL), and the named things that stand in for one: an {@link Alias}, a {@link Subquery}, a
 * {@link Cte}.
 *
 * <pre>{@code
 * TableClause users = TableClause.of("users", Map.of("id", INTEGER, "name", VARCHAR));
 * select(users.c("name")).where(users.c("id").eq(5));
 * TableClause u = users.alias("u");                       // FROM users AS u
 * }</pre>
 */
public class TableClause implements FromClause {

    private final String name;
    private final @Nullable String schema;
    private List<ColumnClause<?>> columns = List.of();
    private Map<String, ColumnClause<?>> byName = Map.of();
    private volatile @Nullable ColumnNames selectNames;

    /**
     * Creates a table without columns; subclasses add them with {@link #initColumns(List)} in their constructor.
     *
     * @param name the table's name
     * @param schema the schema it lives in, or null for the default
     */
    protected TableClause(String name, @Nullable String schema) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = schema;
    }

    /**
     * Sets the columns, once, while the subclass is being constructed.
     *
     * @param columns the columns, each belonging to this table
     */
    protected final void initColumns(List<? extends ColumnClause<?>> columns) {
        Map<String, ColumnClause<?>> map = new LinkedHashMap<>();
        for (ColumnClause<?> c : columns) {
            if (map.put(c.name(), c) != null) {
                throw new ArgumentError("table '" + name + "' has two columns named '" + c.name() + "'");
            }
        }
        this.columns = List.copyOf(columns);
        this.byName = Collections.unmodifiableMap(map);
        this.selectNames = null;
    }

    /**
     * The names of {@code select(table)}'s columns, worked out once per table: the ORM selects whole tables per
     * query, and its compiled result columns (readers per dialect) are kept with them.
     */
    ColumnNames selectNames() {
        ColumnNames names = selectNames;
        if (names == null) {
            names = ColumnNames.of(new ArrayList<>(columns));
            selectNames = names;
        }
        return names;
    }

    /**
     * A lightweight table for statements, like SQLAlchemy's {@code table('users', column('id'), ...)}: no
     * constraints, no DDL. Pass a map with a defined order ({@code LinkedHashMap}) when column order matters.
     *
     * @param name the name
     * @param columns column names and types
     * @return the table
     */
    public static TableClause of(String name, Map<String, ? extends @Nullable SqlType<?>> columns) {
        TableClause table = new TableClause(name, null);
        List<ColumnClause<?>> list = new ArrayList<>();
        columns.forEach((column, type) -> list.add(new ColumnClause<>(column, cast(type), table)));
        table.initColumns(list);
        return table;
    }

    @SuppressWarnings("unchecked")
    static @Nullable SqlType<Object> cast(@Nullable SqlType<?> type) {
        return (SqlType<Object>) type;
    }

    /**
     * Whether two FROM tables are one table of the database: the same object, or two objects naming the same table
     * (say, a mapped class's table and a {@code Base}'s table for it, or two {@code MetaData}s describing one
     * table). An unaliased table appears once in a FROM list, so such twins are listed once, joined once and
     * correlated as one; aliases, subqueries, CTEs and VALUES are themselves only.
     *
     * @param a a table
     * @param b another
     * @return whether they are one table
     */
    static boolean sameTable(TableClause a, TableClause b) {
        if (a == b) {
            return true;
        }
        return a.isNamedTable()
                && b.isNamedTable()
                && a.name.equals(b.name)
                && java.util.Objects.equals(a.schema(), b.schema());
    }

    /**
     * @param froms FROM clauses in order
     * @param listed tables already in the statement (its target, a join's tables); added to as tables are kept
     * @return the clauses without tables already listed and without twins of each other
     */
    static List<FromClause> withoutTwins(Iterable<? extends FromClause> froms, List<TableClause> listed) {
        List<FromClause> result = new ArrayList<>();
        outer:
        for (FromClause f : froms) {
            if (f instanceof TableClause t) {
                for (TableClause l : listed) {
                    if (sameTable(l, t)) {
                        continue outer;
                    }
                }
                listed.add(t);
            }
            result.add(f);
        }
        return result;
    }

    boolean isNamedTable() {
        return !(this instanceof Alias || this instanceof Subquery || this instanceof Values || this instanceof Cte);
    }

    /** @return the table's name (for an alias, subquery or CTE: its alias) */
    public String name() {
        return name;
    }

    /** @return the schema, or null for the default */
    public @Nullable String schema() {
        return schema;
    }

    /** @return the columns, in order */
    public List<? extends ColumnClause<?>> columns() {
        return columns;
    }

    @Override
    public List<? extends ColumnElement<?>> exportedColumns() {
        return columns;
    }

    /**
     * A column by name, like SQLAlchemy's {@code users.c.name}.
     *
     * @param name the column's name
     * @return the column
     * @throws ArgumentError naming the table's columns when there is none by that name
     */
    @SuppressWarnings("unchecked")
    public ColumnClause<Object> c(String name) {
        ColumnClause<?> column = byName.get(name);
        if (column == null) {
            throw new ArgumentError(
                    "table '" + this.name + "' has no column '" + name + "'; its columns: " + byName.keySet());
        }
        return (ColumnClause<Object>) column;
    }

    /**
     * @param name a column name
     * @return whether the table has it
     */
    public boolean hasColumn(String name) {
        return byName.containsKey(name);
    }

    /**
     * An alias of this table, {@code users AS u}, like SQLAlchemy's {@code users.alias("u")}: its columns are
     * qualified by the alias ({@code u.name}), so a table can be joined to itself.
     *
     * @param alias the alias
     * @return the alias, whose columns are {@code alias.c("name")}
     */
    public TableClause alias(String alias) {
        return new Alias(this, Objects.requireNonNull(alias, "alias"));
    }

    /**
     * An alias whose name the compiler chooses ({@code users AS users_1}).
     *
     * @return the alias
     */
    public TableClause alias() {
        return new Alias(this, null);
    }

    /**
     * This table's foreign keys, for joins without an ON clause. A plain table has none; the schema's {@code Table}
     * returns those it declares.
     *
     * @return one entry per foreign key
     */
    public List<ForeignKeyColumns> foreignKeyColumns() {
        return List.of();
    }

    /**
     * This table's column that stands for a given column: the column itself when it is ours, or, for an alias (or a
     * subquery), the column derived from it.
     *
     * @param column a column
     * @return the corresponding column, or null
     */
    public @Nullable ColumnClause<?> correspondingColumn(ColumnClause<?> column) {
        return column.table() == this ? column : null;
    }

    /** @return the base of the name the compiler gives this FROM clause, or null when it is named */
    @Nullable
    String anonymousBase() {
        return null;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.table(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
