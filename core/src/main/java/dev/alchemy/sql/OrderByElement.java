package dev.alchemy.sql;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ORDER BY item: an expression, its direction and where NULLs go. Made by {@link ColumnElement#asc()},
 * {@link ColumnElement#desc()}, {@link ColumnElement#nullsFirst()}, {@link ColumnElement#nullsLast()}:
 *
 * <pre>{@code
 * select(users).orderBy(users.c("name").desc().nullsLast());   // ORDER BY users.name DESC NULLS LAST
 * }</pre>
 *
 * @param element the expression
 * @param ascending true for ASC, false for DESC, null for neither written (the database's default, ascending)
 * @param nulls true for NULLS FIRST, false for NULLS LAST, null for the database's default
 */
public record OrderByElement(
        ColumnElement<?> element,
        @Nullable Boolean ascending,
        @Nullable Boolean nulls) implements ClauseElement {

    /** Checks the expression. */
    public OrderByElement {
        Objects.requireNonNull(element, "element");
    }

    /**
     * An item with an explicit direction.
     *
     * @param element the expression
     * @param descending true for DESC, false for ASC
     */
    public OrderByElement(ColumnElement<?> element, boolean descending) {
        this(element, !descending, null);
    }

    /** @return whether the order is descending */
    public boolean descending() {
        return Boolean.FALSE.equals(ascending);
    }

    /** @return a copy with NULLs first ({@code NULLS FIRST}; SQLite 3.30 and later, PostgreSQL) */
    public OrderByElement nullsFirst() {
        return new OrderByElement(element, ascending, Boolean.TRUE);
    }

    /** @return a copy with NULLs last ({@code NULLS LAST}) */
    public OrderByElement nullsLast() {
        return new OrderByElement(element, ascending, Boolean.FALSE);
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        compiler.visit(element);
        compileModifiers(compiler);
    }

    void compileModifiers(SqlCompiler compiler) {
        if (ascending != null) {
            compiler.append(ascending ? " ASC" : " DESC");
        }
        if (nulls != null) {
            compiler.append(nulls ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    @Override
    public String toString() {
        return SqlCompiler.toSql(this);
    }
}
