package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An INSERT statement, immutable. Columns are written in the table's order, whatever the order of the map given;
 * columns with a Java-side default that are not given get it (SQLAlchemy's Python-side {@code default}).
 *
 * <pre>{@code
 * conn.execute(insert(users).values(Map.of("name", "Alice", "email", "a@x.org")));
 * conn.execute(insert(users).values(List.of(Map.of("name", "A"), Map.of("name", "B"))));   // one multi-row INSERT
 * conn.execute(insert(users).parameters("name"), List.of(Map.of("name", "A"), Map.of("name", "B")));   // executemany
 * Row row = conn.execute(insert(users).values(Map.of("name", "C")).returning(users.c("id"))).one();
 * insert(addresses).fromSelect(List.of("user_id", "email_address"), select(users.c("id"), users.c("email")));
 *
 * Insert upsert = insert(users).values(Map.of("id", 1, "name", "A"));
 * upsert.onConflictDoUpdate(List.of("id"), Map.of("name", upsert.excluded("name")));
 * }</pre>
 */
public final class Insert implements Executable, ClauseElement {

    /**
     * An upsert clause.
     *
     * @param targets the conflicting unique index's columns (may be empty for DO NOTHING)
     * @param doNothing DO NOTHING rather than DO UPDATE
     * @param set the DO UPDATE assignments, by column name, in table order
     * @param where the DO UPDATE condition, or null
     */
    record OnConflict(
            List<String> targets,
            boolean doNothing,
            Map<String, @Nullable Object> set,
            @Nullable ColumnElement<Boolean> where) {}

    private final TableClause table;
    private final List<Map<String, @Nullable Object>> rows;
    private final List<String> parameterColumns;
    private final List<ColumnElement<?>> returning;
    private final @Nullable List<String> selectColumns;
    private final @Nullable SelectStatement select;
    private final @Nullable OnConflict onConflict;

    private Insert(
            TableClause table,
            List<Map<String, @Nullable Object>> rows,
            List<String> parameterColumns,
            List<ColumnElement<?>> returning,
            @Nullable List<String> selectColumns,
            @Nullable SelectStatement select,
            @Nullable OnConflict onConflict) {
        this.table = table;
        this.rows = rows;
        this.parameterColumns = parameterColumns;
        this.returning = returning;
        this.selectColumns = selectColumns;
        this.select = select;
        this.onConflict = onConflict;
    }

    /**
     * An INSERT into a table; without values every column is a parameter given at execution.
     *
     * @param table the table
     * @return the statement
     */
    public static Insert into(TableClause table) {
        return new Insert(Objects.requireNonNull(table, "table"), List.of(), List.of(), List.of(), null, null, null);
    }

    /**
     * Sets the values of one row, by column name. A value may be a Java value (bound) or an expression.
     *
     * @param values values by column name
     * @return the changed copy
     * @throws ArgumentError naming the table's columns when a name is not one of them
     */
    public Insert values(Map<String, ?> values) {
        return new Insert(table, List.of(checked(values)), List.of(), returning, null, null, onConflict);
    }

    /**
     * Sets the values of several rows: one INSERT with a VALUES list per row ({@code VALUES (?, ?), (?, ?)}). Every
     * row must name the same columns.
     *
     * @param rows values by column name, one map per row
     * @return the changed copy
     */
    public Insert values(List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            throw new ArgumentError("a multi-row INSERT needs at least one row");
        }
        List<Map<String, @Nullable Object>> checked = new ArrayList<>();
        for (Map<String, ?> row : rows) {
            Map<String, @Nullable Object> r = checked(row);
            if (!checked.isEmpty() && !r.keySet().equals(checked.get(0).keySet())) {
                throw new ArgumentError("every row of a multi-row INSERT must name the same columns; " + r.keySet()
                        + " differs from " + checked.get(0).keySet());
            }
            checked.add(r);
        }
        return new Insert(table, List.copyOf(checked), List.of(), returning, null, null, onConflict);
    }

    /**
     * Names the columns whose values come from the parameters given at execution (by column name), for
     * executemany: {@code conn.execute(insert(users).parameters("name", "email"), listOfMaps)}.
     *
     * @param columns column names
     * @return the changed copy
     */
    public Insert parameters(String... columns) {
        for (String c : columns) {
            table.c(c);
        }
        return new Insert(table, List.of(), List.of(columns), returning, null, null, onConflict);
    }

    /**
     * Inserts the rows of a SELECT, {@code INSERT INTO t (a, b) SELECT ...}, like SQLAlchemy's {@code from_select}.
     *
     * @param columns the table's columns the SELECT's columns go to, in order
     * @param select the SELECT
     * @return the changed copy
     */
    public Insert fromSelect(List<String> columns, SelectStatement select) {
        Objects.requireNonNull(select, "select");
        for (String c : columns) {
            table.c(c);
        }
        if (columns.size() != select.columns().size()) {
            throw new ArgumentError("INSERT INTO " + table.name() + " names " + columns.size() + " columns " + columns
                    + " but the SELECT has " + select.columns().size());
        }
        return new Insert(table, List.of(), List.of(), returning, List.copyOf(columns), select, onConflict);
    }

    /**
     * Adds RETURNING columns: the statement then returns rows (generated keys, defaults). SQLite 3.35 and later
     * and PostgreSQL support it; elsewhere compiling fails with a {@link CompileError}.
     *
     * @param columns the columns or expressions to return
     * @return the changed copy
     */
    public Insert returning(ColumnElement<?>... columns) {
        List<ColumnElement<?>> list = new ArrayList<>(returning);
        for (ColumnElement<?> c : columns) {
            list.add(Objects.requireNonNull(c, "returning column"));
        }
        return new Insert(table, rows, parameterColumns, List.copyOf(list), selectColumns, select, onConflict);
    }

    /**
     * Upsert: a row that would violate a unique constraint is skipped, {@code ON CONFLICT [(cols)] DO NOTHING}.
     *
     * @param indexColumns the columns of the unique index (or primary key) to watch; none for any conflict
     * @return the changed copy
     */
    public Insert onConflictDoNothing(String... indexColumns) {
        return withOnConflict(new OnConflict(checkedNames(indexColumns), true, Map.of(), null));
    }

    /**
     * Upsert: a row that would violate the unique index on {@code indexColumns} updates the existing row instead,
     * {@code ON CONFLICT (cols) DO UPDATE SET name = excluded.name}. Refer to the proposed row with {@link
     * #excluded(String)}.
     *
     * @param indexColumns the columns of the unique index (or primary key)
     * @param set the new values by column name: Java values (bound) or expressions
     * @return the changed copy
     */
    public Insert onConflictDoUpdate(List<String> indexColumns, Map<String, ?> set) {
        return onConflictDoUpdate(indexColumns, set, null);
    }

    /**
     * Upsert with a condition: only existing rows that satisfy {@code where} are updated.
     *
     * @param indexColumns the columns of the unique index (or primary key)
     * @param set the new values by column name
     * @param where the condition, or null
     * @return the changed copy
     */
    public Insert onConflictDoUpdate(
            List<String> indexColumns, Map<String, ?> set, @Nullable ColumnElement<Boolean> where) {
        if (indexColumns.isEmpty()) {
            throw new ArgumentError("ON CONFLICT ... DO UPDATE needs the columns of the conflicting unique index");
        }
        if (set.isEmpty()) {
            throw new ArgumentError("ON CONFLICT ... DO UPDATE needs at least one column to set");
        }
        return withOnConflict(
                new OnConflict(checkedNames(indexColumns.toArray(String[]::new)), false, checked(set), where));
    }

    private Insert withOnConflict(OnConflict clause) {
        return new Insert(table, rows, parameterColumns, returning, selectColumns, select, clause);
    }

    /**
     * A column of the row the upsert proposed to insert, {@code excluded.name}, for {@link #onConflictDoUpdate}.
     *
     * @param column the column's name
     * @return the reference
     */
    public ColumnElement<Object> excluded(String column) {
        return new Excluded<>(table.c(column).name(), table.c(column).type());
    }

    /**
     * {@code excluded.name}: the row an upsert proposed.
     *
     * @param name the column
     * @param type its type
     * @param <T> its Java type
     */
    record Excluded<T>(String name, @Nullable SqlType<T> type) implements ColumnElement<T> {
        @Override
        public String key() {
            return name;
        }

        @Override
        public void compileTo(SqlCompiler compiler) {
            compiler.dialect().renderExcluded(compiler, compiler.quote(name));
        }
    }

    private List<String> checkedNames(String[] names) {
        List<String> list = new ArrayList<>(names.length);
        for (String n : names) {
            list.add(table.c(Objects.requireNonNull(n, "column")).name());
        }
        return List.copyOf(list);
    }

    /** @return the values in table order, every name checked */
    private Map<String, @Nullable Object> checked(Map<String, ?> values) {
        for (String name : values.keySet()) {
            table.c(name);
        }
        Map<String, @Nullable Object> ordered = new LinkedHashMap<>();
        for (ColumnClause<?> c : table.columns()) {
            if (values.containsKey(c.name())) {
                ordered.put(c.name(), values.get(c.name()));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** @return the table inserted into */
    public TableClause table() {
        return table;
    }

    /** @return the RETURNING expressions */
    public List<ColumnElement<?>> returningColumns() {
        return returning;
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return SqlCompiler.compile(this, Dialect.of(dialect));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void compileTo(SqlCompiler compiler) {
        boolean top = compiler.enterStatement();
        ColumnNames returningNames = compiler.prepareReturning(top, returning, "INSERT INTO", table);
        compiler.append("INSERT INTO ");
        compiler.table(table);
        int scope = compiler.pushFroms(List.of(table));
        if (select != null) {
            compiler.append(" (");
            appendNames(compiler, Objects.requireNonNull(selectColumns));
            compiler.append(") ");
            compiler.visit(select);
        } else if (!rows.isEmpty()) {
            List<Map<String, @Nullable Object>> withDefaults = withDefaults(rows);
            List<String> names = new ArrayList<>(withDefaults.get(0).keySet());
            if (names.isEmpty()) {
                compiler.append(" DEFAULT VALUES");
            } else {
                compiler.append(" (");
                appendNames(compiler, names);
                compiler.append(") VALUES ");
                for (int r = 0; r < withDefaults.size(); r++) {
                    compiler.append(r > 0 ? ", " : "");
                    valuesRow(compiler, names, withDefaults.get(r), withDefaults.size() > 1 ? r : -1);
                }
            }
        } else {
            List<String> names =
                    new ArrayList<>(parameterColumns.isEmpty() ? columnNames(table.columns()) : parameterColumns);
            for (ColumnClause<?> c : table.columns()) {
                if (c.insertDefault() != null && !names.contains(c.name())) {
                    names.add(c.name());
                }
            }
            names = inTableOrder(names);
            compiler.append(" (");
            appendNames(compiler, names);
            compiler.append(") VALUES ");
            valuesRow(compiler, names, null, -1);
        }
        if (onConflict != null) {
            compileOnConflict(compiler, onConflict);
        }
        if (returningNames != null) {
            compiler.returning(returning, returningNames, false);
        }
        compiler.popFroms(scope);
        compiler.exitStatement();
    }

    private static List<String> columnNames(List<? extends ColumnClause<?>> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnClause<?> c : columns) {
            names.add(c.name());
        }
        return names;
    }

    private List<String> inTableOrder(List<String> names) {
        List<String> ordered = new ArrayList<>(names.size());
        for (ColumnClause<?> c : table.columns()) {
            if (names.contains(c.name())) {
                ordered.add(c.name());
            }
        }
        return ordered;
    }

    /** Adds the Java-side defaults of columns the rows leave out, computed now (once per execution). */
    private List<Map<String, @Nullable Object>> withDefaults(List<Map<String, @Nullable Object>> given) {
        List<ColumnClause<?>> missing = null;
        for (ColumnClause<?> c : table.columns()) {
            if (c.insertDefault() != null && !given.get(0).containsKey(c.name())) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(c);
            }
        }
        if (missing == null) {
            return given;
        }
        List<Map<String, @Nullable Object>> result = new ArrayList<>(given.size());
        for (Map<String, @Nullable Object> row : given) {
            Map<String, @Nullable Object> copy = new LinkedHashMap<>(row);
            for (ColumnClause<?> c : missing) {
                Supplier<?> supplier = Objects.requireNonNull(c.insertDefault());
                copy.put(c.name(), supplier.get());
            }
            Map<String, @Nullable Object> ordered = new LinkedHashMap<>();
            for (ColumnClause<?> c : table.columns()) {
                if (copy.containsKey(c.name())) {
                    ordered.put(c.name(), copy.get(c.name()));
                }
            }
            result.add(ordered);
        }
        return result;
    }

    private static void appendNames(SqlCompiler compiler, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            compiler.append(i > 0 ? ", " : "").append(compiler.quote(names.get(i)));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void valuesRow(
            SqlCompiler compiler, List<String> names, @Nullable Map<String, @Nullable Object> row, int rowIndex) {
        compiler.append("(");
        for (int i = 0; i < names.size(); i++) {
            compiler.append(i > 0 ? ", " : "");
            String name = names.get(i);
            ColumnClause column = table.c(name);
            String key = rowIndex < 0 ? name : name + "_m" + rowIndex;
            if (row == null) {
                Supplier<?> supplier = column.insertDefault();
                if (supplier != null) {
                    // carried as the value used when an execution's parameters leave the column out
                    compiler.visit(BindParam.named(name, supplier.get(), column.type()));
                } else {
                    compiler.visit(BindParam.required(name, column.type()));
                }
            } else if (row.get(name) instanceof ColumnElement<?> expression) {
                compiler.visit(expression);
            } else {
                compiler.visit(BindParam.named(key, row.get(name), column.type()));
            }
        }
        compiler.append(")");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void compileOnConflict(SqlCompiler compiler, OnConflict clause) {
        if (!compiler.dialect().supportsOnConflict()) {
            throw new CompileError("the " + compiler.dialect().name() + " dialect has no INSERT ... ON CONFLICT "
                    + "(upsert into " + table.name() + ")");
        }
        List<String> quoted = new ArrayList<>(clause.targets().size());
        for (String t : clause.targets()) {
            quoted.add(compiler.quote(t));
        }
        compiler.dialect().renderOnConflict(compiler, quoted, null, clause.doNothing());
        if (clause.doNothing()) {
            return;
        }
        int i = 0;
        for (Map.Entry<String, @Nullable Object> e : clause.set().entrySet()) {
            compiler.append(i++ > 0 ? ", " : "")
                    .append(compiler.quote(e.getKey()))
                    .append(" = ");
            ColumnClause column = table.c(e.getKey());
            Object value = e.getValue();
            if (value instanceof ColumnElement<?> expression) {
                compiler.operand(expression, "=");
            } else {
                compiler.visit(BindParam.anonymous("param", value, column.type()));
            }
        }
        if (clause.where() != null) {
            compiler.append(" WHERE ");
            compiler.condition(clause.where());
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
