package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code x [NOT] BETWEEN low AND high}.
 *
 * @param element the tested expression
 * @param low the lower bound
 * @param high the upper bound
 * @param negated true for NOT BETWEEN
 */
public record Between(ColumnElement<?> element, ColumnElement<?> low, ColumnElement<?> high, boolean negated)
        implements ColumnElement<Boolean> {

    /** Checks the operands. */
    public Between {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        element.collectFroms(froms);
        low.collectFroms(froms);
        high.collectFroms(froms);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.operand(element, "BETWEEN");
        compiler.append(negated ? " NOT BETWEEN " : " BETWEEN ");
        compiler.operand(low, "BETWEEN");
        compiler.append(" AND ");
        compiler.operand(high, "BETWEEN");
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
