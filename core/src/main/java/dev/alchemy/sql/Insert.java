package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.ResultColumn;
import dev.alchemy.exc.ArgumentError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An INSERT statement, immutable.
 *
 * <pre>{@code
 * conn.execute(insert(users).values(Map.of("name", "Alice", "email", "a@x.org")));
 * conn.execute(insert(users), List.of(Map.of("name", "A"), Map.of("name", "B")));   // executemany: every column a parameter
 * Row row = conn.execute(insert(users).values(Map.of("name", "C")).returning(users.c("id"))).one();
 * }</pre>
 */
public final class Insert implements Executable, ClauseElement {

    private final TableClause table;
    private final List<Map<String, @Nullable Object>> rows;
    private final List<String> parameterColumns;
    private final List<ColumnElement<?>> returning;

    private Insert(
            TableClause table,
            List<Map<String, @Nullable Object>> rows,
            List<String> parameterColumns,
            List<ColumnElement<?>> returning) {
        this.table = table;
        this.rows = rows;
        this.parameterColumns = parameterColumns;
        this.returning = returning;
    }

    /**
     * An INSERT into a table; without values every column is a parameter given at execution.
     *
     * @param table the table
     * @return the statement
     */
    public static Insert into(TableClause table) {
        return new Insert(Objects.requireNonNull(table, "table"), List.of(), List.of(), List.of());
    }

    /**
     * Sets the values of one row, by column name. A value may be a Java value (bound) or an expression.
     *
     * @param values values by column name
     * @return the changed copy
     * @throws ArgumentError naming the table's columns when a name is not one of them
     */
    public Insert values(Map<String, ?> values) {
        return new Insert(table, List.of(checked(values)), List.of(), returning);
    }

    /**
     * Sets the values of several rows: one INSERT with a VALUES list per row. Every row must name the same columns.
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
        return new Insert(table, List.copyOf(checked), List.of(), returning);
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
        return new Insert(table, List.of(), List.of(columns), returning);
    }

    /**
     * Adds RETURNING columns: the statement then returns rows (generated keys, defaults).
     *
     * @param columns the columns to return
     * @return the changed copy
     */
    public Insert returning(ColumnElement<?>... columns) {
        List<ColumnElement<?>> list = new ArrayList<>(returning);
        list.addAll(List.of(columns));
        return new Insert(table, rows, parameterColumns, list);
    }

    private Map<String, @Nullable Object> checked(Map<String, ?> values) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            table.c(e.getKey());
            copy.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** @return the table inserted into */
    public TableClause table() {
        return table;
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return SqlCompiler.compile(this, Dialect.of(dialect));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void compileTo(SqlCompiler compiler) {
        if (!returning.isEmpty()) {
            List<ResultColumn> result = new ArrayList<>();
            for (ColumnElement<?> c : returning) {
                result.add(compiler.resultColumn(Objects.requireNonNullElse(c.key(), "anon"), c.type()));
            }
            compiler.declareResultColumns(result);
        }
        compiler.append("INSERT INTO ");
        compiler.table(table);
        List<String> names = rows.isEmpty()
                ? (parameterColumns.isEmpty()
                        ? table.columns().stream().map(ColumnClause::name).toList()
                        : parameterColumns)
                : withDefaultColumns(rows.get(0).keySet());
        if (names.isEmpty()) {
            compiler.append(" DEFAULT VALUES");
        } else {
            compiler.append(" (");
            for (int i = 0; i < names.size(); i++) {
                compiler.append(i > 0 ? ", " : "").append(compiler.quote(names.get(i)));
            }
            compiler.append(") VALUES ");
            if (rows.isEmpty()) {
                valuesRow(compiler, names, null, -1);
            } else {
                for (int r = 0; r < rows.size(); r++) {
                    compiler.append(r > 0 ? ", " : "");
                    valuesRow(compiler, names, rows.get(r), rows.size() > 1 ? r : -1);
                }
            }
        }
        if (!returning.isEmpty()) {
            compiler.append(" RETURNING ");
            compiler.unqualified(() -> {
                for (int i = 0; i < returning.size(); i++) {
                    compiler.append(i > 0 ? ", " : "");
                    compiler.visit(returning.get(i));
                }
            });
        }
    }

    /** The given columns, then those not given that have a Java-side default ({@code Column.defaultValue}). */
    private List<String> withDefaultColumns(java.util.Set<String> given) {
        List<String> names = new ArrayList<>(given);
        for (ColumnClause<?> c : table.columns()) {
            if (c.insertDefault() != null && !given.contains(c.name())) {
                names.add(c.name());
            }
        }
        return names;
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
                compiler.visit(BindParam.required(name, column.type()));
            } else if (!row.containsKey(name)) {
                // a column the values leave out but whose Java-side default SQLAlchemy applies on execution
                Supplier<? extends @Nullable Object> fallback = Objects.requireNonNull(column.insertDefault());
                compiler.visit(BindParam.named(key, fallback.get(), column.type()));
            } else if (row.get(name) instanceof ColumnElement<?> expression) {
                compiler.visit(expression);
            } else {
                compiler.visit(BindParam.named(key, row.get(name), column.type()));
            }
        }
        compiler.append(")");
    }

    @Override
    public String toString() {
        return SqlCompiler.compile(this, Dialect.of(EngineDialect.forName("sqlite")))
                .sql();
    }
}
