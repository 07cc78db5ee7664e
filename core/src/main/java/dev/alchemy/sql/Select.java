package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.engine.ResultColumn;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT statement, immutable: each method returns a changed copy.
 *
 * <pre>{@code
 * Select stmt = select(users.c("id"), users.c("name"))
 *         .where(users.c("name").eq("Alice"))
 *         .orderBy(users.c("id").desc())
 *         .limit(10);
 * Result result = conn.execute(stmt);
 * }</pre>
 */
public final class Select implements Executable, ClauseElement {

    private final List<ColumnElement<?>> columns;
    private final List<FromClause> froms;
    private final @Nullable ColumnElement<Boolean> where;
    private final List<OrderByElement> orderBy;
    private final @Nullable Integer limit;
    private final @Nullable Integer offset;
    private final boolean distinct;

    private Select(
            List<ColumnElement<?>> columns,
            List<FromClause> froms,
            @Nullable ColumnElement<Boolean> where,
            List<OrderByElement> orderBy,
            @Nullable Integer limit,
            @Nullable Integer offset,
            boolean distinct) {
        this.columns = List.copyOf(columns);
        this.froms = List.copyOf(froms);
        this.where = where;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
    }

    /**
     * Selects columns, expressions, or every column of tables.
     *
     * @param items columns, expressions or from clauses (a table stands for all its columns)
     * @return the statement
     */
    public static Select of(ClauseElement... items) {
        List<ColumnElement<?>> columns = new ArrayList<>();
        List<FromClause> froms = new ArrayList<>();
        for (ClauseElement item : items) {
            Objects.requireNonNull(item, "select item");
            if (item instanceof FromClause from) {
                columns.addAll(from.exportedColumns());
                froms.add(from);
            } else if (item instanceof ColumnElement<?> column) {
                columns.add(column);
            } else {
                throw new ArgumentError("cannot select " + item + "; select columns, expressions or tables");
            }
        }
        if (columns.isEmpty()) {
            throw new ArgumentError("a SELECT needs at least one column, expression or table");
        }
        return new Select(columns, froms, null, List.of(), null, null, false);
    }

    /**
     * Adds conditions, joined with AND to those already given.
     *
     * @param conditions the conditions
     * @return the changed copy
     */
    @SafeVarargs
    public final Select where(ColumnElement<Boolean>... conditions) {
        ColumnElement<Boolean> combined = where;
        for (ColumnElement<Boolean> c : conditions) {
            Objects.requireNonNull(c, "condition");
            combined = combined == null ? c : BooleanClauseList.and(List.of(combined, c));
        }
        return new Select(columns, froms, combined, orderBy, limit, offset, distinct);
    }

    /**
     * Sets the FROM list explicitly (otherwise it is every table of the selected columns).
     *
     * @param from the from clause
     * @return the changed copy
     */
    public Select selectFrom(FromClause from) {
        List<FromClause> list = new ArrayList<>(froms);
        list.add(Objects.requireNonNull(from, "from"));
        return new Select(columns, list, where, orderBy, limit, offset, distinct);
    }

    /**
     * Adds ORDER BY items: columns and expressions ascending, or {@code col.desc()}.
     *
     * @param items the items
     * @return the changed copy
     */
    public Select orderBy(ClauseElement... items) {
        List<OrderByElement> list = new ArrayList<>(orderBy);
        for (ClauseElement item : items) {
            if (item instanceof OrderByElement o) {
                list.add(o);
            } else if (item instanceof ColumnElement<?> c) {
                list.add(new OrderByElement(c, false));
            } else {
                throw new ArgumentError("cannot order by " + item);
            }
        }
        return new Select(columns, froms, where, list, limit, offset, distinct);
    }

    /**
     * @param limit the most rows to return, zero or more
     * @return the changed copy
     */
    public Select limit(int limit) {
        if (limit < 0) {
            throw new ArgumentError("limit must be zero or more, was " + limit);
        }
        return new Select(columns, froms, where, orderBy, limit, offset, distinct);
    }

    /**
     * @param offset how many rows to skip, zero or more
     * @return the changed copy
     */
    public Select offset(int offset) {
        if (offset < 0) {
            throw new ArgumentError("offset must be zero or more, was " + offset);
        }
        return new Select(columns, froms, where, orderBy, limit, offset, distinct);
    }

    /** @return a copy that selects distinct rows */
    public Select distinct() {
        return new Select(columns, froms, where, orderBy, limit, offset, true);
    }

    /** @return the selected expressions */
    public List<ColumnElement<?>> columns() {
        return columns;
    }

    /** @return the WHERE condition, or null */
    public @Nullable ColumnElement<Boolean> whereClause() {
        return where;
    }

    /**
     * This SELECT as a single value inside another statement: {@code (SELECT ...)}.
     *
     * @param <T> the value's Java type
     * @return the scalar subquery
     */
    @SuppressWarnings("unchecked")
    public <T> ColumnElement<T> scalarSubquery() {
        return new ScalarSelect<>(this, (SqlType<T>) columns.get(0).type());
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return SqlCompiler.compile(this, Dialect.of(dialect));
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        List<ResultColumn> result = new ArrayList<>(columns.size());
        List<@Nullable String> labels = new ArrayList<>(columns.size());
        Set<String> keys = new java.util.HashSet<>();
        Map<String, Integer> anonymous = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnElement<?> column = columns.get(i);
            String key = column.key();
            String label = column instanceof Label<?> ? key : null;
            if (key == null || (label == null && column instanceof FunctionCall<?>)) {
                String base = key == null ? "anon" : key;
                key = base + "_" + anonymous.merge(base, 1, Integer::sum);
                label = key;
            }
            if (!keys.add(key)) {
                key = key + "_" + (i + 1);
            }
            labels.add(label);
            result.add(compiler.resultColumn(key, column.type()));
        }
        compiler.declareResultColumns(result);
        compiler.append(distinct ? "SELECT DISTINCT " : "SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                compiler.append(", ");
            }
            compiler.visit(columns.get(i));
            String label = labels.get(i);
            if (label != null) {
                compiler.append(" AS ").append(compiler.quote(label));
            }
        }
        Set<FromClause> fromSet = new LinkedHashSet<>(froms);
        for (ColumnElement<?> column : columns) {
            addFroms(column, fromSet);
        }
        if (!fromSet.isEmpty()) {
            compiler.append(" \nFROM ");
            int i = 0;
            for (FromClause from : fromSet) {
                if (i++ > 0) {
                    compiler.append(", ");
                }
                compiler.visit(from);
            }
        }
        if (where != null) {
            compiler.append(" \nWHERE ");
            compiler.visit(where);
        }
        if (!orderBy.isEmpty()) {
            compiler.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) {
                    compiler.append(", ");
                }
                compiler.visit(orderBy.get(i));
            }
        }
        if (limit != null || offset != null) {
            compiler.dialect().renderLimitOffset(compiler, limit, offset);
        }
    }

    private static void addFroms(ColumnElement<?> column, Set<FromClause> froms) {
        if (column instanceof ColumnClause<?> c && c.table() != null) {
            froms.add(c.table());
        } else if (column instanceof Label<?> l) {
            addFroms(l.element(), froms);
        } else if (column instanceof FunctionCall<?> f) {
            for (ColumnElement<?> arg : f.arguments()) {
                addFroms(arg, froms);
            }
        } else if (column instanceof BinaryExpression<?> b) {
            addFroms(b.left(), froms);
            addFroms(b.right(), froms);
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.compile(this, Dialect.of(EngineDialect.forName("sqlite")))
                .sql();
    }

    /**
     * A SELECT used as a value.
     *
     * @param select the statement
     * @param type its value's type
     * @param <T> the value's Java type
     */
    record ScalarSelect<T>(Select select, @Nullable SqlType<T> type) implements ColumnElement<T> {
        @Override
        public void compileTo(SqlCompiler compiler) {
            compiler.visit(select);
        }
    }
}
