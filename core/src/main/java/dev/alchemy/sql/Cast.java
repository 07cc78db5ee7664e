package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code CAST(expression AS type)}; the value comes back in the type's Java class. Selected, it is labelled with the
 * inner column's name, as in SQLAlchemy: {@code CAST(users.age AS VARCHAR) AS age}.
 *
 * @param element the expression
 * @param type the target type
 * @param <T> the target's Java type
 */
public record Cast<T>(ColumnElement<?> element, SqlType<T> type) implements ColumnElement<T> {

    /** Checks the arguments. */
    public Cast {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public @Nullable String key() {
        return element.key();
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        element.collectFroms(froms);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.append("CAST(");
        compiler.visit(element);
        compiler.append(" AS ").append(compiler.dialect().castType(type)).append(")");
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
