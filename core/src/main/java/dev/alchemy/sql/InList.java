package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code x IN (?, ?, ...)} or {@code (x NOT IN (...))}. An empty list is never true (and NOT IN of it always is), in
 * the form the dialect writes it, as SQLAlchemy does.
 *
 * @param element the tested expression
 * @param values the values, each a bound parameter or expression
 * @param negated true for NOT IN
 */
public record InList(ColumnElement<?> element, List<ColumnElement<?>> values, boolean negated)
        implements ColumnElement<Boolean> {

    /** Copies the list. */
    public InList {
        Objects.requireNonNull(element, "element");
        values = List.copyOf(values);
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        element.collectFroms(froms);
        for (ColumnElement<?> v : values) {
            v.collectFroms(froms);
        }
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        if (negated) {
            compiler.append("(");
        }
        compiler.operand(element, "IN");
        if (values.isEmpty()) {
            compiler.dialect().renderEmptyIn(compiler, negated);
        } else {
            compiler.append(negated ? " NOT IN (" : " IN (");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    compiler.append(", ");
                }
                compiler.visit(values.get(i));
            }
            compiler.append(")");
        }
        if (negated) {
            compiler.append(")");
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
