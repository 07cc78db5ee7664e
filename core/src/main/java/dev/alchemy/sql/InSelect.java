package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code x IN (SELECT ...)} or {@code (x NOT IN (SELECT ...))}. The subquery correlates to the enclosing statement
 * like a scalar subquery.
 *
 * @param element the tested expression
 * @param subquery the SELECT of one column
 * @param negated true for NOT IN
 */
public record InSelect(ColumnElement<?> element, SelectStatement subquery, boolean negated)
        implements ColumnElement<Boolean> {

    /** Checks the operands. */
    public InSelect {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(subquery, "subquery");
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        element.collectFroms(froms);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (negated) {
            compiler.append("(");
        }
        compiler.operand(element, "IN");
        compiler.append(negated ? " NOT IN (" : " IN (");
        compiler.visit(subquery);
        compiler.append(")");
        if (negated) {
            compiler.append(")");
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
