package dev.alchemy.sql;

/**
 * Any piece of a SQL statement. Elements are immutable; a {@link SqlCompiler} turns a tree of them into SQL text
 * and bound parameters for one dialect.
 */
public interface ClauseElement {

    /**
     * Writes this element's SQL into the compiler.
     *
     * @param compiler the compiler rendering the statement
     */
    void compileTo(SqlCompiler compiler);
}
