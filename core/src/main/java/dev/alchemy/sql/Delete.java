package dev.alchemy.sql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Executable;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A DELETE statement, immutable.
 *
 * <pre>{@code
 * conn.execute(delete(users).where(users.c("id").eq(5)));
 * }</pre>
 */
public final class Delete implements Executable, ClauseElement {

    private final TableClause table;
    private final @Nullable ColumnElement<Boolean> where;

    private Delete(TableClause table, @Nullable ColumnElement<Boolean> where) {
        this.table = table;
        this.where = where;
    }

    /**
     * A DELETE from a table.
     *
     * @param table the table
     * @return the statement
     */
    public static Delete from(TableClause table) {
        return new Delete(Objects.requireNonNull(table, "table"), null);
    }

    /**
     * Adds conditions, joined with AND.
     *
     * @param conditions the conditions
     * @return the changed copy
     */
    @SafeVarargs
    public final Delete where(ColumnElement<Boolean>... conditions) {
        ColumnElement<Boolean> combined = where;
        for (ColumnElement<Boolean> c : conditions) {
            combined = combined == null ? c : BooleanClauseList.and(List.of(combined, c));
        }
        return new Delete(table, combined);
    }

    @Override
    public CompiledStatement compile(EngineDialect dialect) {
        return SqlCompiler.compile(this, Dialect.of(dialect));
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.append("DELETE FROM ");
        compiler.table(table);
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
