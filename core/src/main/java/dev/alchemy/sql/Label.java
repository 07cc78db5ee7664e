package dev.alchemy.sql;

import dev.alchemy.types.SqlType;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code expression AS name} in a select list; elsewhere just the expression (in ORDER BY of the same SELECT, the
 * name).
 *
 * @param element the expression
 * @param name the label
 * @param <T> the Java type of the value
 */
public record Label<T>(ColumnElement<T> element, String name) implements ColumnElement<T> {

    /** Checks the arguments. */
    public Label {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public @Nullable SqlType<T> type() {
        return element.type();
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public void collectFroms(Consumer<? super FromClause> froms) {
        element.collectFroms(froms);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.visit(element);
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
