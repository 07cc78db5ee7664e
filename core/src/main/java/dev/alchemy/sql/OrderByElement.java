package dev.alchemy.sql;

import java.util.Objects;

/**
 * An ORDER BY item: an expression and its direction.
 *
 * @param element the expression
 * @param descending true for DESC
 */
public record OrderByElement(ColumnElement<?> element, boolean descending) implements ClauseElement {

    /** Checks the expression. */
    public OrderByElement {
        Objects.requireNonNull(element, "element");
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.visit(element);
        compiler.append(descending ? " DESC" : " ASC");
    }
}
