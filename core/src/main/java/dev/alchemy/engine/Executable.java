package dev.alchemy.engine;

/**
 * Anything a {@link Connection} can execute: text SQL ({@code Alchemy.text(...)}) and the statements of the SQL
 * expression language. The engine knows statements only through this interface.
 */
public interface Executable {

    /**
     * Compiles this statement into SQL text and parameters for a dialect.
     *
     * @param dialect the dialect of the connection that executes it
     * @return the compiled statement
     */
    CompiledStatement compile(EngineDialect dialect);

    /**
     * Compiles this statement, reusing the executing engine's {@link StatementCache} when the statement can name its
     * shape; connections call this one. The default compiles without the cache.
     *
     * @param dialect the dialect of the connection that executes it
     * @param cache the engine's cache of compiled statements
     * @return the compiled statement
     */
    default CompiledStatement compile(EngineDialect dialect, StatementCache cache) {
        return compile(dialect);
    }

    /**
     * Whether this is a SELECT that takes no row lock: true for the expression language's SELECTs and compounds
     * without {@code FOR UPDATE}, and the ORM's selects; false for everything else, text SQL included (the engine
     * does not parse it). On a database whose read-only guard is a statement of its own (SQLite's {@code PRAGMA
     * query_only}), a read-only transaction sets the guard only before its first statement that is not one of these,
     * so that a transaction that only selects costs no more than a read-write one.
     *
     * @return whether this statement is a SELECT without a row lock; the default, false
     */
    default boolean isSelect() {
        return false;
    }
}
