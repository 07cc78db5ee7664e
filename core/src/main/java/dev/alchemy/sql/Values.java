package dev.alchemy.sql;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rows given in the statement, used like a table: {@code (VALUES (?, ?), (?, ?)) AS name (a, b)}, SQLAlchemy's
 * {@code values(column("a"), column("b"), name="name").data([...])}. Every value is a bound parameter, typed by its
 * column. Immutable.
 *
 * <pre>{@code
 * Values prices = Values.of("prices", columns).data(List.of(List.of("apple", 3), List.of("pear", 4)));
 * select(products.c("name"), prices.c("price")).selectFrom(products.join(prices, products.c("name").eq(prices.c("name"))));
 * }</pre>
 *
 * <p>SQLite cannot name the columns of a VALUES list in FROM; there it is written as {@code (SELECT column1 AS a,
 * column2 AS b FROM (VALUES ...)) AS name}, which reads the same.
 */
public final class Values extends TableClause {

    private final List<List<@Nullable Object>> rows;

    private Values(
            String name, Map<String, ? extends @Nullable SqlType<?>> columns, List<List<@Nullable Object>> rows) {
        super(name, null);
        List<ColumnClause<?>> list = new ArrayList<>();
        columns.forEach((column, type) -> list.add(new ColumnClause<>(column, cast(type), this)));
        if (list.isEmpty()) {
            throw new ArgumentError("VALUES '" + name + "' needs at least one column");
        }
        initColumns(list);
        this.rows = rows;
    }

    /**
     * A VALUES list with named, typed columns and no rows yet.
     *
     * @param name its name in FROM
     * @param columns column names and types, in order (a {@code LinkedHashMap})
     * @return the VALUES list
     */
    public static Values of(String name, Map<String, ? extends @Nullable SqlType<?>> columns) {
        return new Values(Objects.requireNonNull(name, "name"), Objects.requireNonNull(columns, "columns"), List.of());
    }

    /**
     * The rows, each a list of values in column order.
     *
     * @param data the rows
     * @return a copy with these rows
     * @throws ArgumentError when a row has the wrong number of values
     */
    public Values data(List<? extends List<?>> data) {
        Map<String, @Nullable SqlType<?>> columns = new java.util.LinkedHashMap<>();
        for (ColumnClause<?> c : columns()) {
            columns.put(c.name(), c.type());
        }
        List<List<@Nullable Object>> copy = new ArrayList<>(data.size());
        for (List<?> row : data) {
            if (row.size() != columns.size()) {
                throw new ArgumentError("a row of VALUES '" + name() + "' has " + row.size() + " values; its columns: "
                        + columns.keySet());
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        return new Values(name(), columns, List.copyOf(copy));
    }

    /** @return the rows */
    public List<List<@Nullable Object>> rows() {
        return rows;
    }

    @Override
    public TableClause alias(String alias) {
        throw new ArgumentError("name the VALUES list with Values.of(name, ...) instead of aliasing it");
    }

    @Override
    public TableClause alias() {
        return alias("");
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (rows.isEmpty()) {
            throw new dev.alchemy.exc.CompileError("VALUES '" + name() + "' has no rows; give them with data(...)");
        }
        if (!compiler.dialect().supportsValuesConstructor()) {
            compileAsUnion(compiler);
            return;
        }
        boolean named = compiler.dialect().supportsDerivedColumnNames();
        compiler.append(named ? "(VALUES " : "(SELECT ");
        if (!named) {
            for (int i = 0; i < columns().size(); i++) {
                compiler.append(i > 0 ? ", " : "")
                        .append("column" + (i + 1) + " AS ")
                        .append(compiler.quote(columns().get(i).name()));
            }
            compiler.append(" FROM (VALUES ");
        }
        for (int r = 0; r < rows.size(); r++) {
            compiler.append(r > 0 ? ", (" : "(");
            List<@Nullable Object> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                compiler.append(i > 0 ? ", " : "");
                Object value = row.get(i);
                if (value instanceof ColumnElement<?> expression) {
                    compiler.visit(expression);
                } else {
                    compiler.visit(BindParam.anonymous(
                            "param", value, cast(columns().get(i).type())));
                }
            }
            compiler.append(")");
        }
        compiler.append(named ? ") AS " : ")) AS ").append(compiler.quote(name()));
        if (named) {
            compiler.append(" (");
            for (int i = 0; i < columns().size(); i++) {
                compiler.append(i > 0 ? ", " : "")
                        .append(compiler.quote(columns().get(i).name()));
            }
            compiler.append(")");
        }
    }

    /** {@code (SELECT ? AS a, ? AS b UNION ALL SELECT ?, ?) AS v}: a VALUES list where there is no VALUES (MySQL). */
    private void compileAsUnion(SqlCompiler compiler) {
        compiler.append("(");
        for (int r = 0; r < rows.size(); r++) {
            compiler.append(r > 0 ? " UNION ALL SELECT " : "SELECT ");
            List<@Nullable Object> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                compiler.append(i > 0 ? ", " : "");
                Object value = row.get(i);
                if (value instanceof ColumnElement<?> expression) {
                    compiler.visit(expression);
                } else {
                    compiler.visit(BindParam.anonymous(
                            "param", value, cast(columns().get(i).type())));
                }
                if (r == 0) {
                    compiler.append(" AS ")
                            .append(compiler.quote(columns().get(i).name()));
                }
            }
        }
        compiler.append(") AS ").append(compiler.quote(name()));
    }
}
