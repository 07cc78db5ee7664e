package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.CompileError;
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
 * An UPDATE statement, immutable. SET is written in the table's column order; a value is a Java value (bound) or an
 * expression ({@code SET age=(users.age + ?)}, a correlated scalar subquery). Tables other than the target that the
 * conditions name become {@code UPDATE ... FROM} (SQLite 3.33 and later, PostgreSQL).
 *
 * <pre>{@code
 * conn.execute(update(users).where(users.c("id").eq(5)).values(Map.of("name", "Bob")));
 * conn.execute(update(users).values(Map.of("age", users.c("age").plus(1))));
 * }</pre>
 */
public final class Update implements Executable, ClauseElement {

    private final TableClause table;
    private final Map<String, @Nullable Object> values;
    private final @Nullable ColumnElement<Boolean> where;
    private final List<ColumnElement<?>> returning;

    private Update(
            TableClause table,
            Map<String, @Nullable Object> values,
            @Nullable ColumnElement<Boolean> where,
            List<ColumnElement<?>> returning) {
        this.table = table;
        this.values = values;
        this.where = where;
        this.returning = returning;
    }

    /**
     * An UPDATE of a table.
     *
     * @param table the table
     * @return the statement
     */
    public static Update of(TableClause table) {
        return new Update(Objects.requireNonNull(table, "table"), Map.of(), null, List.of());
    }

    /**
     * Sets columns, by name: a Java value (bound) or an expression ({@code users.c("age").plus(1)}). Later calls add
     * to (and override) earlier ones.
     *
     * @param values new values by column name
     * @return the changed copy
     * @throws dev.alchemy.exc.ArgumentError naming the table's columns when a name is not one of them
     */
    public Update values(Map<String, ?> values) {
        Map<String, @Nullable Object> merged = new LinkedHashMap<>(this.values);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            table.c(e.getKey());
            merged.put(e.getKey(), e.getValue());
        }
        Map<String, @Nullable Object> ordered = new LinkedHashMap<>();
        for (ColumnClause<?> c : table.columns()) {
            if (merged.containsKey(c.name())) {
                ordered.put(c.name(), merged.get(c.name()));
            }
        }
        return new Update(table, Collections.unmodifiableMap(ordered), where, returning);
    }

    /**
     * Sets one column to a value.
     *
     * @param column a column of the table
     * @param value the value (bound), or null
     * @param <T> the column's Java type
     * @return the changed copy
     */
    public <T> Update set(ColumnClause<T> column, @Nullable T value) {
        Map<String, @Nullable Object> one = new LinkedHashMap<>();
        one.put(Objects.requireNonNull(column, "column").name(), value);
        return values(one);
    }

    /**
     * Sets one column to an expression.
     *
     * @param column a column of the table
     * @param value the expression
     * @param <T> the column's Java type
     * @return the changed copy
     */
    public <T> Update set(ColumnClause<T> column, ColumnElement<?> value) {
        return values(Map.of(Objects.requireNonNull(column, "column").name(), Objects.requireNonNull(value, "value")));
    }

    /**
     * Adds conditions, joined with AND.
     *
     * @param conditions the conditions
     * @return the changed copy
     */
    @SafeVarargs
    public final Update where(ColumnElement<Boolean>... conditions) {
        return new Update(table, values, Select.and(where, conditions), returning);
    }

    /**
     * Adds RETURNING columns (SQLite 3.35 and later, PostgreSQL).
     *
     * @param columns the columns or expressions to return
     * @return the changed copy
     */
    public Update returning(ColumnElement<?>... columns) {
        List<ColumnElement<?>> list = new ArrayList<>(returning);
        for (ColumnElement<?> c : columns) {
            list.add(Objects.requireNonNull(c, "returning column"));
        }
        return new Update(table, values, where, List.copyOf(list));
    }

    /** @return the table updated */
    public TableClause table() {
        return table;
    }

    /** @return the new values by column name, in table order */
    public Map<String, @Nullable Object> valueMap() {
        return values;
    }

    /** @return the WHERE condition, or null */
    public @Nullable ColumnElement<Boolean> whereClause() {
        return where;
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return SqlCompiler.compile(this, Dialect.of(dialect));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void compileTo(SqlCompiler compiler) {
        if (values.isEmpty()) {
            throw new CompileError("UPDATE " + table.name() + " has no values to SET; give them with values(...)");
        }
        boolean top = compiler.enterStatement();
        ColumnNames returningNames = compiler.prepareReturning(top, returning, "UPDATE", table);
        List<FromClause> extra = extraFroms();
        if (!extra.isEmpty() && !compiler.dialect().supportsUpdateFrom()) {
            throw new CompileError("the " + compiler.dialect().name() + " dialect cannot UPDATE " + table.name()
                    + " with conditions on other tables " + extra + " (UPDATE ... FROM); use a subquery");
        }
        List<FromClause> scopeFroms = new ArrayList<>(extra);
        scopeFroms.add(0, table);
        int scope = compiler.pushFroms(scopeFroms);
        compiler.append("UPDATE ");
        compiler.table(table);
        compiler.append(" SET ");
        int i = 0;
        for (Map.Entry<String, @Nullable Object> e : values.entrySet()) {
            compiler.append(i++ > 0 ? ", " : "")
                    .append(compiler.quote(e.getKey()))
                    .append("=");
            ColumnClause column = table.c(e.getKey());
            Object value = e.getValue();
            if (value instanceof BindParam<?> p) {
                compiler.visit(p);
            } else if (value instanceof ColumnElement<?> expression) {
                boolean parens = Precedence.of(expression) < Precedence.ATOM;
                compiler.append(parens ? "(" : "");
                compiler.visit(expression);
                compiler.append(parens ? ")" : "");
            } else {
                compiler.visit(BindParam.named(e.getKey(), value, column.type()));
            }
        }
        if (!extra.isEmpty()) {
            compiler.append(" FROM ");
            for (int f = 0; f < extra.size(); f++) {
                compiler.append(f > 0 ? ", " : "");
                compiler.visit(extra.get(f));
            }
        }
        if (where != null) {
            compiler.append(" WHERE ");
            compiler.condition(where);
        }
        if (returningNames != null) {
            compiler.returning(returning, returningNames, !extra.isEmpty());
        }
        compiler.popFroms(scope);
        compiler.exitStatement();
    }

    private List<FromClause> extraFroms() {
        if (where == null) {
            return List.of();
        }
        Set<FromClause> froms = new LinkedHashSet<>();
        where.collectFroms(froms::add);
        List<TableClause> listed = new ArrayList<>();
        listed.add(table);
        return TableClause.withoutTwins(froms, listed); // the target's twin is the target (TableClause.sameTable)
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
