package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
     * @param constraint the name of the conflicting constraint instead of its columns (PostgreSQL), or null
     * @param doNothing DO NOTHING rather than DO UPDATE
     * @param set the DO UPDATE assignments, by column name, in table order
     * @param where the DO UPDATE condition, or null
     */
    record OnConflict(
            List<String> targets,
            @Nullable String constraint,
            boolean doNothing,
            Map<String, @Nullable Object> set,
            @Nullable ColumnElement<Boolean> where) {}

    private final TableClause table;
    /** The columns the VALUES rows give, in table order (empty without rows). */
    private final List<String> rowNames;
    /** The VALUES rows: one value (or expression) per name of {@link #rowNames}; arrays never written after. */
    private final List<@Nullable Object[]> rows;

    private final List<String> parameterColumns;
    private final List<ColumnElement<?>> returning;
    private final @Nullable List<String> selectColumns;
    private final @Nullable SelectStatement select;
    private final @Nullable OnConflict onConflict;

    private Insert(
            TableClause table,
            List<String> rowNames,
            List<@Nullable Object[]> rows,
            List<String> parameterColumns,
            List<ColumnElement<?>> returning,
            @Nullable List<String> selectColumns,
            @Nullable SelectStatement select,
            @Nullable OnConflict onConflict) {
        this.table = table;
        this.rowNames = rowNames;
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
        return new Insert(
                Objects.requireNonNull(table, "table"), List.of(), List.of(), List.of(), List.of(), null, null, null);
    }

    /**
     * Sets the values of one row, by column name. A value may be a Java value (bound) or an expression.
     *
     * @param values values by column name
     * @return the changed copy
     * @throws ArgumentError naming the table's columns when a name is not one of them
     */
    public Insert values(Map<String, ?> values) {
        Map<String, @Nullable Object> row = checked(values);
        return new Insert(
                table,
                List.copyOf(row.keySet()),
                List.<@Nullable Object[]>of(row.values().toArray()),
                List.of(),
                returning,
                null,
                null,
                onConflict);
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
        Iterator<? extends Map<String, ?>> it = rows.iterator();
        Map<String, @Nullable Object> first = checked(it.next());
        List<String> names = List.copyOf(first.keySet());
        List<@Nullable Object[]> arrays = new ArrayList<>(rows.size());
        arrays.add(first.values().toArray());
        while (it.hasNext()) {
            Map<String, ?> row = Objects.requireNonNull(it.next(), "row");
            @Nullable Object[] values = row.size() == names.size() ? valuesOf(row, names) : null;
            if (values == null) { // names a column the first row does not: say which, as the first row was checked
                Set<String> given = checked(row).keySet();
                throw new ArgumentError("every row of a multi-row INSERT must name the same columns; " + given
                        + " differs from " + names);
            }
            arrays.add(values);
        }
        return new Insert(
                table, names, Collections.unmodifiableList(arrays), List.of(), returning, null, null, onConflict);
    }

    /** @return the row's values in the order of names, or null when it lacks one of them */
    private static @Nullable Object @Nullable [] valuesOf(Map<String, ?> row, List<String> names) {
        @Nullable Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            String name = names.get(i);
            Object value = row.get(name);
            if (value == null && !row.containsKey(name)) {
                return null;
            }
            values[i] = value;
        }
        return values;
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
        return new Insert(table, List.of(), List.of(), List.of(columns), returning, null, null, onConflict);
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
        return new Insert(table, List.of(), List.of(), List.of(), returning, List.copyOf(columns), select, onConflict);
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
        return new Insert(
                table, rowNames, rows, parameterColumns, List.copyOf(list), selectColumns, select, onConflict);
    }

    /**
     * Upsert: a row that would violate a unique constraint is skipped, {@code ON CONFLICT [(cols)] DO NOTHING}.
     *
     * @param indexColumns the columns of the unique index (or primary key) to watch; none for any conflict
     * @return the changed copy
     */
    public Insert onConflictDoNothing(String... indexColumns) {
        return withOnConflict(new OnConflict(checkedNames(indexColumns), null, true, Map.of(), null));
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
                new OnConflict(checkedNames(indexColumns.toArray(String[]::new)), null, false, checked(set), where));
    }

    /**
     * Upsert naming the conflicting constraint instead of its columns, {@code ON CONFLICT ON CONSTRAINT name DO
     * NOTHING}: SQLAlchemy's {@code on_conflict_do_nothing(constraint="uq_users_email")}. PostgreSQL only; SQLite's
     * upsert takes the columns of the unique index, and compiling this for SQLite is a {@code CompileError}.
     *
     * <pre>{@code
     * conn.execute(insert(users).values(row).onConstraintConflictDoNothing("uq_users_email"));
     * }</pre>
     *
     * @param constraint the name of the unique constraint, primary key or exclusion constraint
     * @return the changed copy
     */
    public Insert onConstraintConflictDoNothing(String constraint) {
        return withOnConflict(new OnConflict(List.of(), constraintName(constraint), true, Map.of(), null));
    }

    /**
     * Upsert naming the conflicting constraint, {@code ON CONFLICT ON CONSTRAINT name DO UPDATE SET ...}: SQLAlchemy's
     * {@code on_conflict_do_update(constraint="uq_users_email", set_=...)}. PostgreSQL only (see {@link
     * #onConstraintConflictDoNothing}).
     *
     * @param constraint the name of the unique constraint or primary key
     * @param set the new values by column name: Java values (bound) or expressions such as {@link #excluded(String)}
     * @param where the condition on the existing row, or null
     * @return the changed copy
     */
    public Insert onConstraintConflictDoUpdate(
            String constraint, Map<String, ?> set, @Nullable ColumnElement<Boolean> where) {
        if (set.isEmpty()) {
            throw new ArgumentError("ON CONFLICT ... DO UPDATE needs at least one column to set");
        }
        return withOnConflict(new OnConflict(List.of(), constraintName(constraint), false, checked(set), where));
    }

    private static String constraintName(String constraint) {
        Objects.requireNonNull(constraint, "constraint");
        if (constraint.isBlank()) {
            throw new ArgumentError("the upsert's constraint name is empty; give the name the constraint has in the "
                    + "database (e.g. UniqueConstraint.of(\"email\").name(\"uq_users_email\"))");
        }
        return constraint;
    }

    private Insert withOnConflict(OnConflict clause) {
        return new Insert(table, rowNames, rows, parameterColumns, returning, selectColumns, select, clause);
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

    /** Compiles the statement, without a cache: see {@link #compile(EngineDialect, StatementCache)}. */
    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return compile(dialect, StatementCache.ofSize(0));
    }

    /**
     * Compiles the statement. An INSERT of plain values ({@code VALUES} rows without SQL expressions, without ON
     * CONFLICT) is compiled once per shape (table, columns, number of rows, RETURNING expressions, dialect) in the
     * engine's {@link StatementCache} and then given each execution's values by position: a loop of 500-row INSERTs
     * builds its SQL text and parameter keys once, not per statement. Java-side defaults are still computed for every
     * compilation.
     */
    @Override
    public CompiledStatement compile(EngineDialect dialect, StatementCache cache) {
        if (select != null || onConflict != null || rows.isEmpty() || hasExpressions(rows)) {
            return SqlCompiler.compile(this, Dialect.of(dialect));
        }
        List<String> names = new ArrayList<>(rowNames);
        List<@Nullable Object[]> values = withDefaults(names);
        // with the defaults filled in, compiling it again does not ask the default suppliers again
        Insert filled = values == rows
                ? this
                : new Insert(table, List.copyOf(names), values, List.of(), returning, null, null, null);
        if (names.isEmpty() || (filled != this && hasExpressions(values))) {
            return SqlCompiler.compile(filled, Dialect.of(dialect));
        }
        Shape shape = new Shape(table, names, values.size(), returning, dialect);
        CompiledStatement template = cache.get(dialect, shape);
        if (template == null) {
            CompiledStatement compiled = SqlCompiler.compile(filled, Dialect.of(dialect));
            if (isTemplate(compiled, values)) {
                cache.put(dialect, shape, compiled);
            }
            return compiled;
        }
        List<BoundParameter> placeholders = template.parameters();
        BoundParameter[] parameters = new BoundParameter[placeholders.size()];
        int p = 0;
        for (@Nullable Object[] row : values) {
            for (Object value : row) {
                BoundParameter placeholder = placeholders.get(p);
                parameters[p++] = new BoundParameter(placeholder.key(), value, true, placeholder.binder());
            }
        }
        for (; p < parameters.length; p++) {
            parameters[p] = placeholders.get(p); // RETURNING's own, the same for every statement of the shape
        }
        return new CompiledStatement(template.sql(), Arrays.asList(parameters), template.columns());
    }

    /**
     * What an INSERT of plain values compiles to depends on: its table, columns, number of rows, RETURNING expressions
     * and dialect, all but the column names compared by identity (the same objects compile alike).
     */
    private static final class Shape {
        private final TableClause table;
        private final List<String> names;
        private final int rows;
        private final List<ColumnElement<?>> returning;
        private final EngineDialect dialect;
        private final int hash;

        Shape(
                TableClause table,
                List<String> names,
                int rows,
                List<ColumnElement<?>> returning,
                EngineDialect dialect) {
            this.table = table;
            this.names = List.copyOf(names);
            this.rows = rows;
            this.returning = returning;
            this.dialect = dialect;
            this.hash = ((System.identityHashCode(table) * 31 + this.names.hashCode()) * 31 + rows) * 31
                    + System.identityHashCode(dialect);
        }

        @Override
        public boolean equals(@Nullable Object o) {
            if (!(o instanceof Shape s)
                    || s.table != table
                    || s.rows != rows
                    || s.dialect != dialect
                    || s.returning.size() != returning.size()
                    || !s.names.equals(names)) {
                return false;
            }
            for (int i = 0; i < returning.size(); i++) {
                if (s.returning.get(i) != returning.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static boolean hasExpressions(List<@Nullable Object[]> values) {
        for (@Nullable Object[] row : values) {
            for (Object value : row) {
                // a String first: an exact class check, cheaper than the interface check for most values
                if (!(value instanceof String) && value instanceof ClauseElement) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the compiled statement's first parameters are these values row by row, as a template needs. */
    private static boolean isTemplate(CompiledStatement compiled, List<@Nullable Object[]> values) {
        List<BoundParameter> parameters = compiled.parameters();
        int p = 0;
        for (@Nullable Object[] row : values) {
            for (Object value : row) {
                if (p >= parameters.size()
                        || parameters.get(p).value() != value
                        || !parameters.get(p).hasValue()) {
                    return false;
                }
                p++;
            }
        }
        return true;
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
            List<String> names = new ArrayList<>(rowNames);
            List<@Nullable Object[]> withDefaults = withDefaults(names);
            if (names.isEmpty()) {
                compiler.append(compiler.dialect().emptyInsertValues());
            } else {
                compiler.append(" (");
                appendNames(compiler, names);
                compiler.append(") VALUES ");
                valuesRows(compiler, names, withDefaults);
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
            valuesRow(compiler, names);
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

    /**
     * Adds the Java-side defaults of columns the rows leave out, computed now (once per execution).
     *
     * @param names the rows' column names; the defaulted columns are added to it, all in table order
     * @return the rows with a value for each name
     */
    private List<@Nullable Object[]> withDefaults(List<String> names) {
        boolean missing = false;
        for (ColumnClause<?> c : table.columns()) {
            if (c.insertDefault() != null && !rowNames.contains(c.name())) {
                missing = true;
                break;
            }
        }
        if (!missing) {
            return rows;
        }
        names.clear();
        // where each table-ordered column's value comes from: an index into a given row, or -1 for its default
        List<Integer> from = new ArrayList<>();
        List<@Nullable Supplier<?>> defaults = new ArrayList<>();
        for (ColumnClause<?> c : table.columns()) {
            int given = rowNames.indexOf(c.name());
            if (given >= 0 || c.insertDefault() != null) {
                names.add(c.name());
                from.add(given);
                defaults.add(given >= 0 ? null : c.insertDefault());
            }
        }
        List<@Nullable Object[]> result = new ArrayList<>(rows.size());
        for (@Nullable Object[] row : rows) {
            @Nullable Object[] values = new Object[names.size()];
            for (int i = 0; i < values.length; i++) {
                int given = from.get(i);
                values[i] = given >= 0
                        ? row[given]
                        : Objects.requireNonNull(defaults.get(i)).get();
            }
            result.add(values);
        }
        return result;
    }

    private static void appendNames(SqlCompiler compiler, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            compiler.append(i > 0 ? ", " : "").append(compiler.quote(names.get(i)));
        }
    }

    /**
     * Renders the VALUES rows, each value a bound parameter keyed by its column ({@code name_m0}, {@code name_m1},
     * ... when there are several rows, as SQLAlchemy's multi-values INSERT) or an expression rendered in place. The
     * columns and their binders are looked up once, not once per row.
     */
    private void valuesRows(SqlCompiler compiler, List<String> names, List<@Nullable Object[]> values) {
        int n = names.size();
        ColumnClause<?>[] columns = new ColumnClause<?>[n];
        @Nullable ValueBinder[] binders = new ValueBinder[n];
        String[] prefixes = new String[n];
        for (int i = 0; i < n; i++) {
            columns[i] = table.c(names.get(i));
            binders[i] = compiler.binderFor(columns[i].type());
            prefixes[i] = names.get(i) + "_m";
        }
        boolean many = values.size() > 1;
        compiler.expectParameters(values.size() * n);
        for (int r = 0; r < values.size(); r++) {
            @Nullable Object[] row = values.get(r);
            compiler.append(r > 0 ? ", (" : "(");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    compiler.append(", ");
                }
                Object value = row[i];
                if (value instanceof ColumnElement<?> expression) {
                    compiler.visit(expression);
                } else {
                    compiler.bindValue(many ? prefixes[i] + r : names.get(i), value, binders[i]);
                }
            }
            compiler.append(")");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void valuesRow(SqlCompiler compiler, List<String> names) {
        compiler.append("(");
        for (int i = 0; i < names.size(); i++) {
            compiler.append(i > 0 ? ", " : "");
            String name = names.get(i);
            ColumnClause column = table.c(name);
            Supplier<?> supplier = column.insertDefault();
            if (supplier != null) {
                // carried as the value used when an execution's parameters leave the column out
                compiler.visit(BindParam.named(name, supplier.get(), column.type()));
            } else {
                compiler.visit(BindParam.required(name, column.type()));
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
        String constraint = clause.constraint();
        compiler.dialect()
                .renderOnConflict(
                        compiler, quoted, constraint == null ? null : compiler.quote(constraint), clause.doNothing());
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
            if (!compiler.dialect().supportsUpdateWhereOnConflict()) {
                throw new dev.alchemy.exc.CompileError("the "
                        + compiler.dialect().name() + " dialect's upsert (ON"
                        + " DUPLICATE KEY UPDATE) cannot take a WHERE condition (INSERT INTO " + table.name() + ")");
            }
            compiler.append(" WHERE ");
            compiler.condition(clause.where());
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
