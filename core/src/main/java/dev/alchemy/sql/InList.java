package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code x IN (?, ?, ...)} or {@code (x NOT IN (...))}. An empty list is never true (and NOT IN of it always), as in
 * SQLAlchemy.
 *
 * @param element the tested expression
 * @param values the values, each a bound parameter or expression
 * @param negated true for NOT IN
 */
public record InList(ColumnElement<?> element, List<ColumnElement<?>> values, boolean negated)
        implements ColumnElement<Boolean> {

    /** Copies the list. */
    public InList {
        values = List.copyOf(values);
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (negated) {
            compiler.append("(");
        }
        compiler.operand(element);
        compiler.append(negated ? " NOT IN (" : " IN (");
        if (values.isEmpty()) {
            compiler.append("SELECT 1 FROM (SELECT 1) WHERE 1!=1");
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                compiler.append(", ");
            }
            compiler.visit(values.get(i));
        }
        compiler.append(")");
        if (negated) {
            compiler.append(")");
        }
    }
}
