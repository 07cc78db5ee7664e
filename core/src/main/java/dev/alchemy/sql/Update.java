package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.ArgumentError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An UPDATE statement, immutable.
 *
 * <pre>{@code
 * conn.execute(update(users).where(users.c("id").eq(5)).values(Map.of("name", "Bob")));
 * }</pre>
 */
public final class Update implements Executable, ClauseElement {

    private final TableClause table;
    private final Map<String, @Nullable Object> values;
    private final @Nullable ColumnElement<Boolean> where;

    private Update(TableClause table, Map<String, @Nullable Object> values, @Nullable ColumnElement<Boolean> where) {
        this.table = table;
        this.values = values;
        this.where = where;
    }

    /**
     * An UPDATE of a table.
     *
     * @param table the table
     * @return the statement
     */
    public static Update of(TableClause table) {
        return new Update(Objects.requireNonNull(table, "table"), Map.of(), null);
    }

    /**
     * Sets columns, by name: a Java value (bound) or an expression ({@code users.c("age")} plus one).
     *
     * @param values new values by column name
     * @return the changed copy
     */
    public Update values(Map<String, ?> values) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(this.values);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            table.c(e.getKey());
            copy.put(e.getKey(), e.getValue());
        }
        return new Update(table, java.util.Collections.unmodifiableMap(copy), where);
    }

    /**
     * Adds conditions, joined with AND.
     *
     * @param conditions the conditions
     * @return the changed copy
     */
    @SafeVarargs
    public final Update where(ColumnElement<Boolean>... conditions) {
        ColumnElement<Boolean> combined = where;
        for (ColumnElement<Boolean> c : conditions) {
            combined = combined == null ? c : BooleanClauseList.and(List.of(combined, c));
        }
        return new Update(table, values, combined);
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return SqlCompiler.compile(this, Dialect.of(dialect));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void compileTo(SqlCompiler compiler) {
        if (values.isEmpty()) {
            throw new ArgumentError("an UPDATE of '" + table.name() + "' needs at least one value to set");
        }
        compiler.append("UPDATE ");
        compiler.table(table);
        compiler.append(" SET ");
        int i = 0;
        for (Map.Entry<String, @Nullable Object> e : values.entrySet()) {
            compiler.append(i++ > 0 ? ", " : "")
                    .append(compiler.quote(e.getKey()))
                    .append("=");
            ColumnClause column = table.c(e.getKey());
            if (e.getValue() instanceof BindParam<?> p) {
                compiler.visit(p);
            } else if (e.getValue() instanceof ColumnElement<?> expression) {
                compiler.append("(");
                compiler.visit(expression);
                compiler.append(")");
            } else {
                compiler.visit(BindParam.named(e.getKey(), e.getValue(), column.type()));
            }
        }
        if (where != null) {
            compiler.append(" WHERE ");
            compiler.visit(where);
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.compile(this, Dialect.of(EngineDialect.forName("sqlite")))
                .sql();
    }
}
