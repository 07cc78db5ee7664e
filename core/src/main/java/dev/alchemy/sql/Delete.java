package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import dev.alchemy.exc.CompileError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A DELETE statement, immutable. Tables other than the target that the conditions name become {@code DELETE ...
 * USING} on PostgreSQL; SQLite has no such form (use a subquery: {@code users.c("id").in(select(...))}).
 *
 * <pre>{@code
 * conn.execute(delete(users).where(users.c("id").eq(5)));
 * }</pre>
 */
public final class Delete implements Executable, ClauseElement {

    private final TableClause table;
    private final @Nullable ColumnElement<Boolean> where;
    private final List<ColumnElement<?>> returning;

    private Delete(TableClause table, @Nullable ColumnElement<Boolean> where, List<ColumnElement<?>> returning) {
        this.table = table;
        this.where = where;
        this.returning = returning;
    }

    /**
     * A DELETE from a table.
     *
     * @param table the table
     * @return the statement
     */
    public static Delete from(TableClause table) {
        return new Delete(Objects.requireNonNull(table, "table"), null, List.of());
    }

    /**
     * Adds conditions, joined with AND.
     *
     * @param conditions the conditions
     * @return the changed copy
     */
    @SafeVarargs
    public final Delete where(ColumnElement<Boolean>... conditions) {
        return new Delete(table, Select.and(where, conditions), returning);
    }

    /**
     * Adds RETURNING columns (SQLite 3.35 and later, PostgreSQL): the deleted rows' values.
     *
     * @param columns the columns or expressions to return
     * @return the changed copy
     */
    public Delete returning(ColumnElement<?>... columns) {
        List<ColumnElement<?>> list = new ArrayList<>(returning);
        for (ColumnElement<?> c : columns) {
            list.add(Objects.requireNonNull(c, "returning column"));
        }
        return new Delete(table, where, List.copyOf(list));
    }

    /** @return the table deleted from */
    public TableClause table() {
        return table;
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
    public void compileTo(SqlCompiler compiler) {
        boolean top = compiler.enterStatement();
        ColumnNames returningNames = compiler.prepareReturning(top, returning, "DELETE FROM", table);
        List<FromClause> extra = extraFroms();
        if (!extra.isEmpty() && !compiler.dialect().supportsDeleteUsing()) {
            throw new CompileError("the " + compiler.dialect().name() + " dialect cannot DELETE FROM " + table.name()
                    + " with conditions on other tables " + extra + "; use a subquery, e.g. "
                    + "where(table.c(\"id\").in(select(...)))");
        }
        List<FromClause> scopeFroms = new ArrayList<>(extra);
        scopeFroms.add(0, table);
        int scope = compiler.pushFroms(scopeFroms);
        compiler.append("DELETE FROM ");
        compiler.table(table);
        if (!extra.isEmpty()) {
            compiler.append(" USING ");
            for (int i = 0; i < extra.size(); i++) {
                compiler.append(i > 0 ? ", " : "");
                compiler.visit(extra.get(i));
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
